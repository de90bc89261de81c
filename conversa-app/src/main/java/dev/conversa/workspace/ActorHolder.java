package dev.conversa.workspace;

import dev.conversa.kernel.Actor;

/** Anything in the security context that knows which {@link Actor} it stands for. */
interface ActorHolder {
    Actor actor();
}
