package dev.conversa.workspace;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Turns a successful form login into a {@link WorkspaceEvents.UserLoggedIn} for the audit log. */
@Component
class LoginAudit {
    private final ApplicationEventPublisher events;

    LoginAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    @EventListener
    @Transactional
    public void on(InteractiveAuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof AccountPrincipal principal) {
            var actor = principal.actor();
            events.publishEvent(new WorkspaceEvents.UserLoggedIn(actor.workspaceId(), actor.userId(), principal.getUsername()));
        }
    }
}
