package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request authenticated by an API token. */
final class TokenAuthentication extends AbstractAuthenticationToken implements ActorHolder {
    private final Actor actor;

    TokenAuthentication(Actor actor) {
        super(AccountPrincipal.authorities(actor));
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return actor;
    }
}
