package dev.conversa.channel;

import dev.conversa.kernel.Actor;

/**
 * The console's handle on a phone call's wrap-up, the same operation as {@code POST /api/v1/calls/{id}/wrap-up}:
 * the agent's notes (also added as a note on the call's conversation) and disposition.
 */
public interface CallWrapUps {

    /** @throws dev.conversa.kernel.NotFoundException when the call is not one of the actor's workspace */
    void wrapUp(long callId, String notes, String disposition, Actor actor);
}
