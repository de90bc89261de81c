package dev.conversa.workspace;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends a person's console sessions when an admin deactivates them, changes their role or their password is set
 * through a link: a session keeps the role it signed in with, so without this a deactivated person, or one whose
 * admin role was taken away, would keep their rights until the session expired. Sessions are in the database
 * (Spring Session JDBC), so this signs the person out on every node.
 */
@Component
class SignedInSessions {
    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;
    private final UserService users;

    SignedInSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions, UserService users) {
        this.sessions = sessions;
        this.users = users;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(WorkspaceEvents.UserUpdated e) {
        if (e.change().contains("role ") || e.change().contains("deactivated") || e.change().startsWith("password set through")) {
            var repository = sessions.getIfAvailable();
            if (repository != null) {
                users.findById(e.userId()).map(UserAccount::email).ifPresent(email ->
                        repository.findByPrincipalName(email).keySet().forEach(repository::deleteById));
            }
        }
    }
}
