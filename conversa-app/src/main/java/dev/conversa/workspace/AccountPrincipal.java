package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in person: the actor the rest of Conversa sees, plus what Spring Security needs to log in. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, ActorHolder {
    // kept in the database-backed session: a deploy that does not change the fields keeps people signed in
    @Serial
    private static final long serialVersionUID = 1L;
    private final Actor actor;
    private final String email;
    private String passwordHash;
    private final boolean enabled;

    AccountPrincipal(Actor actor, String email, String passwordHash, boolean enabled) {
        this.actor = actor;
        this.email = email;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities(actor);
    }

    static List<SimpleGrantedAuthority> authorities(Actor actor) {
        return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
