package dev.conversa.workspace;

import dev.conversa.kernel.Actor;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks a person up by email for the login form. */
@Component
class AccountDetailsService implements UserDetailsService {
    private final UserService users;

    AccountDetailsService(UserService users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        UserAccount user = users.findByEmail(email).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        String hash = users.passwordHash(user.id()).orElse(null);
        Actor actor = new Actor(user.id(), user.workspaceId(), user.role(), user.name(), null);
        return new AccountPrincipal(actor, user.email(), hash == null ? "{noop}" + java.util.UUID.randomUUID() + "-no-password" : hash,
                user.active() && hash != null);
    }
}
