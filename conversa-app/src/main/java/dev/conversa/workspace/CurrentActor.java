package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The actor of the current request, whether it signed in with the form or presented an API token. */
public final class CurrentActor {
    private CurrentActor() {
    }

    public static Optional<Actor> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        if (auth instanceof ActorHolder holder) {
            return Optional.of(holder.actor());
        }
        if (auth.getPrincipal() instanceof ActorHolder holder) {
            return Optional.of(holder.actor());
        }
        return Optional.empty();
    }
}
