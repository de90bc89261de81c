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
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Routes when something changes: a conversation arrives or reopens, an agent frees up, a priority rises. The handlers
 * run after the change commits, tracked by the event publication registry like any module listener, but without a
 * transaction (or transaction scope) of their own: a module listener's scope keeps the first connection it touches
 * until it returns, so routers queueing for their workspace's {@link RoutingLock} would each hold one and starve the
 * router that holds the lock. Here they wait holding none, and routing opens its transaction once it has the lock;
 * what a handler reads before that runs in a short transaction of its own (nested reads then share one connection).
 */
@Component
class RoutingListener {
    private final RoutingRunner runner;
    private final RoutingStore store;
    private final ConversationService conversations;
    private final CustomerService customers;
    private final UserService users;
    private final Clock clock;
    private final TransactionTemplate tx;

    RoutingListener(RoutingRunner runner, RoutingStore store, ConversationService conversations, CustomerService customers,
                    UserService users, ObjectProvider<Clock> clock, TransactionTemplate tx) {
        this.runner = runner;
        this.tx = tx;
        this.store = store;
        this.conversations = conversations;
        this.customers = customers;
        this.users = users;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Async
    @TransactionalEventListener
    void on(ConversationEvents.ConversationOpened e) {
        var settings = store.settings(e.workspaceId());
        if (settings.isEmpty()) {
            return;
        }
        // one short transaction, so the nested reads (a conversation's tags, a customer's identities) share one
        // connection; it ends before routing queues for the lock
        tx.executeWithoutResult(status -> conversations.find(e.workspaceId(), e.conversationId()).ifPresent(c -> {
            var customer = customers.get(c.customerId(), Actor.system(e.workspaceId()));
            long followers = customer.identities().stream().map(CustomerIdentity::followerCount)
                    .filter(f -> f != null).mapToLong(Long::longValue).max().orElse(0);
            Priority p = PriorityRules.decide(c.priority(), c.sentiment(), customer.vip(), followers,
                    settings.get().vipFollowers());
            if (p != c.priority()) {
                conversations.changePriority(c.id(), p, Actor.system(e.workspaceId()));
            }
        }));
        runner.reconcile(e.workspaceId(), e.conversationId());
    }

    @Async
    @TransactionalEventListener
    void on(ConversationEvents.StatusChanged e) {
        if (e.to() == ConversationStatus.OPEN) {
            runner.reconcile(e.workspaceId(), e.conversationId());
        } else if (e.to() == ConversationStatus.RESOLVED || e.to() == ConversationStatus.CLOSED) {
            runner.reconcile(e.workspaceId(), null);
        }
    }

    @Async
    @TransactionalEventListener
    void on(ConversationEvents.PriorityChanged e) {
        runner.reconcile(e.workspaceId(), null);
    }

    /** A person assigned it by hand: recorded with who did it, and the previous holder may take another. */
    @Async
    @TransactionalEventListener
    void on(ConversationEvents.ConversationAssigned e) {
        if (e.actorId() == null) {
            // routing's own assignments need nothing more; a system unassignment (SLA escalation) is offered again
            if (e.assigneeId() == null) {
                runner.reconcile(e.workspaceId(), null);
            }
            return;
        }
        if (store.settings(e.workspaceId()).isPresent()) {
            tx.executeWithoutResult(status -> {
                String by = users.find(e.workspaceId(), e.actorId()).map(u -> u.name()).orElse("user " + e.actorId());
                String to = e.assigneeId() == null ? "nobody" : users.find(e.workspaceId(), e.assigneeId())
                        .map(u -> u.name()).orElse("user " + e.assigneeId());
                store.log(e.workspaceId(), e.conversationId(), e.assigneeId(), "MANUAL", "assigned to " + to
                        + ": manual by " + by + (e.reason() == null ? "" : " (" + e.reason() + ")"), clock.instant());
            });
        }
        runner.reconcile(e.workspaceId(), null);
    }

    @Async
    @TransactionalEventListener
    void on(WorkspaceEvents.AgentStatusChanged e) {
        runner.reconcile(e.workspaceId(), null);
    }
}
