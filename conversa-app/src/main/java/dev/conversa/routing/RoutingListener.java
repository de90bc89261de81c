package dev.conversa.routing;

import dev.conversa.conversation.ConversationEvents;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.Priority;
import dev.conversa.customer.CustomerIdentity;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import dev.conversa.workspace.UserService;
import dev.conversa.workspace.WorkspaceEvents;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Routes when something changes: a conversation arrives or reopens, an agent frees up, a priority rises. The handlers
 * open no transaction of their own: routing waits for its workspace's lock first and then opens one (see
 * {@link RoutingLock}), so a queue of waiting routers does not drain the connection pool.
 */
@Component
class RoutingListener {
    private final RoutingRunner runner;
    private final RoutingStore store;
    private final ConversationService conversations;
    private final CustomerService customers;
    private final UserService users;
    private final Clock clock;

    RoutingListener(RoutingRunner runner, RoutingStore store, ConversationService conversations, CustomerService customers,
                    UserService users, ObjectProvider<Clock> clock) {
        this.runner = runner;
        this.store = store;
        this.conversations = conversations;
        this.customers = customers;
        this.users = users;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationEvents.ConversationOpened e) {
        var settings = store.settings(e.workspaceId());
        if (settings.isEmpty()) {
            return;
        }
        conversations.find(e.workspaceId(), e.conversationId()).ifPresent(c -> {
            var customer = customers.get(c.customerId(), Actor.system(e.workspaceId()));
            long followers = customer.identities().stream().map(CustomerIdentity::followerCount)
                    .filter(f -> f != null).mapToLong(Long::longValue).max().orElse(0);
            Priority p = PriorityRules.decide(c.priority(), c.sentiment(), customer.vip(), followers,
                    settings.get().vipFollowers());
            if (p != c.priority()) {
                conversations.changePriority(c.id(), p, Actor.system(e.workspaceId()));
            }
        });
        runner.reconcile(e.workspaceId(), e.conversationId());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationEvents.StatusChanged e) {
        if (e.to() == ConversationStatus.OPEN) {
            runner.reconcile(e.workspaceId(), e.conversationId());
        } else if (e.to() == ConversationStatus.RESOLVED || e.to() == ConversationStatus.CLOSED) {
            runner.reconcile(e.workspaceId(), null);
        }
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationEvents.PriorityChanged e) {
        runner.reconcile(e.workspaceId(), null);
    }

    /** A person assigned it by hand: recorded with who did it, and the previous holder may take another. */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(ConversationEvents.ConversationAssigned e) {
        if (e.actorId() == null) {
            // routing's own assignments need nothing more; a system unassignment (SLA escalation) is offered again
            if (e.assigneeId() == null) {
                runner.reconcile(e.workspaceId(), null);
            }
            return;
        }
        if (store.settings(e.workspaceId()).isPresent()) {
            String by = users.find(e.workspaceId(), e.actorId()).map(u -> u.name()).orElse("user " + e.actorId());
            String to = e.assigneeId() == null ? "nobody" : users.find(e.workspaceId(), e.assigneeId()).map(u -> u.name())
                    .orElse("user " + e.assigneeId());
            store.log(e.workspaceId(), e.conversationId(), e.assigneeId(), "MANUAL", "assigned to " + to + ": manual by "
                    + by + (e.reason() == null ? "" : " (" + e.reason() + ")"), clock.instant());
        }
        runner.reconcile(e.workspaceId(), null);
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(WorkspaceEvents.AgentStatusChanged e) {
        runner.reconcile(e.workspaceId(), null);
    }
}
