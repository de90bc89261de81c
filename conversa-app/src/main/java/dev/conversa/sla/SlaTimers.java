package dev.conversa.sla;

import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationEvents;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.ConversationStatus;
import dev.conversa.conversation.Priority;
import dev.conversa.kernel.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import dev.conversa.lease.Lease;
import dev.conversa.lease.LeaseLost;
import dev.conversa.lease.Leases;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, stops, pauses and resumes timers from conversation events, and on a schedule warns before and
 * escalates on breaches.
 */
@Component
class SlaTimers {
    private static final Logger log = LoggerFactory.getLogger(SlaTimers.class);

    private final SlaStore store;
    private final SlaService sla;
    private final ConversationService conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;

    static final String LEASE = "sla-timers";
    private final Leases leases;

    SlaTimers(SlaStore store, SlaService sla, ConversationService conversations, ApplicationEventPublisher events,
              ObjectProvider<Clock> clock, TransactionTemplate tx, Leases leases) {
        this.leases = leases;
        this.tx = tx;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.store = store;
        this.sla = sla;
        this.conversations = conversations;
        this.events = events;
    }

    /**
     * Evaluated when a conversation opens or a message arrives: only a policy can start a clock, so a workspace
     * without one gets no stored publication and no listener transaction for these events.
     */
    public boolean wants(long workspaceId) {
        return store.hasPolicies(workspaceId);
    }

    @ApplicationModuleListener(condition = "@slaTimers.wants(#e.workspaceId())")
    void on(ConversationEvents.ConversationOpened e) {
        conversations.find(e.workspaceId(), e.conversationId()).ifPresent(c -> {
            Instant at = c.createdAt();
            start(c, SlaKind.FIRST_RESPONSE, at);
            start(c, SlaKind.RESOLUTION, at);
        });
    }

    /** A customer writes again after being answered: the next-response clock starts. */
    @ApplicationModuleListener(condition = "@slaTimers.wants(#e.workspaceId())")
    void on(ConversationEvents.MessageReceived e) {
        conversations.find(e.workspaceId(), e.conversationId()).ifPresent(c -> {
            List<SlaStore.Timer> timers = store.timers(e.workspaceId(), e.conversationId());
            boolean answered = timers.stream().anyMatch(t -> t.kind() == SlaKind.FIRST_RESPONSE && !active(t));
            boolean nextRunning = timers.stream().anyMatch(t -> t.kind() == SlaKind.NEXT_RESPONSE && active(t));
            if (answered && !nextRunning) {
                start(c, SlaKind.NEXT_RESPONSE, clock.instant());
            }
            if (timers.stream().noneMatch(t -> t.kind() == SlaKind.RESOLUTION && active(t))) {
                start(c, SlaKind.RESOLUTION, clock.instant());
            }
        });
    }

    /** An agent's reply meets the first and next response targets (system messages such as surveys do not). */
    @ApplicationModuleListener
    void on(ConversationEvents.ReplyQueued e) {
        if (e.actorId() == null || e.visibility() == null) {
            return;
        }
        stop(e.workspaceId(), e.conversationId(), List.of(SlaKind.FIRST_RESPONSE, SlaKind.NEXT_RESPONSE), "MET");
    }

    @ApplicationModuleListener
    void on(ConversationEvents.StatusChanged e) {
        Instant now = clock.instant();
        if (e.to() == ConversationStatus.PENDING || e.to() == ConversationStatus.SNOOZED) {
            for (SlaStore.Timer t : store.timers(e.workspaceId(), e.conversationId())) {
                if (t.status().equals("RUNNING")) {
                    long left = sla.calendarOf(t.workspaceId(), t.policyId()).businessTimeBetween(now, t.dueAt()).toMillis();
                    store.update(t.id(), "PAUSED", null, left, t.warned(), null);
                }
            }
        } else if (e.to() == ConversationStatus.OPEN) {
            for (SlaStore.Timer t : store.timers(e.workspaceId(), e.conversationId())) {
                if (t.status().equals("PAUSED")) {
                    Instant due = sla.calendarOf(t.workspaceId(), t.policyId())
                            .addBusinessTime(now, Duration.ofMillis(t.remainingMs()), List.of());
                    store.update(t.id(), "RUNNING", due, null, t.warned(), null);
                }
            }
        } else if (e.to() == ConversationStatus.RESOLVED || e.to() == ConversationStatus.CLOSED) {
            stop(e.workspaceId(), e.conversationId(), List.of(SlaKind.RESOLUTION), "MET");
            stop(e.workspaceId(), e.conversationId(), List.of(SlaKind.FIRST_RESPONSE, SlaKind.NEXT_RESPONSE), "CANCELLED");
        }
    }

    /**
     * Warns and escalates, on one node: the holder of the lease {@code sla-timers}. Each transition commits under the
     * lease's fencing token, so a node that stalled past its lease cannot warn or escalate a second time.
     */
    void scheduledCheck() {
        Lease lease = leases.hold(LEASE).orElse(null);
        if (lease == null) {
            return; // another node checks the timers
        }
        try {
            check(clock.instant(), lease);
        } catch (LeaseLost lost) {
            log.info("SLA check stopped: {}", lost.getMessage());
        }
    }

    /** One check now, as the scheduled one does but without a lease (tests drive the clock through this). */
    void check(Instant now) {
        check(now, null);
    }

    private void check(Instant now, Lease lease) {
        for (SlaStore.Timer t : store.dueSoon(now.plus(Duration.ofDays(1)))) {
            var policy = store.policy(t.workspaceId(), t.policyId()).orElse(null);
            if (policy == null || t.dueAt() == null) {
                continue;
            }
            // the timer's new state and its event commit together: the event is then in the outbox (and, with Kafka
            // on, reaches every node) exactly when the timer says it was sent
            if (!t.dueAt().isAfter(now)) {
                tx.executeWithoutResult(status -> {
                    fence(lease);
                    store.update(t.id(), "BREACHED", t.dueAt(), null, true, now);
                    events.publishEvent(new SlaEvents.SlaBreached(t.workspaceId(), t.conversationId(), t.kind(), t.dueAt(),
                            policy.escalation()));
                    escalate(t, policy.escalation());
                });
            } else if (!t.warned() && !t.dueAt().minus(Duration.ofMinutes(policy.warnBeforeMinutes())).isAfter(now)) {
                tx.executeWithoutResult(status -> {
                    fence(lease);
                    store.update(t.id(), "RUNNING", t.dueAt(), null, true, null);
                    events.publishEvent(new SlaEvents.SlaWarning(t.workspaceId(), t.conversationId(), t.kind(), t.dueAt()));
                });
            }
        }
    }

    private static void fence(Lease lease) {
        if (lease != null) {
            lease.fence();
        }
    }

    private void escalate(SlaStore.Timer t, Escalation escalation) {
        Actor system = Actor.system(t.workspaceId());
        switch (escalation) {
            case RAISE_PRIORITY -> conversations.changePriority(t.conversationId(), Priority.URGENT, system);
            case REASSIGN -> conversations.find(t.workspaceId(), t.conversationId()).ifPresent(c ->
                    conversations.assign(c.id(), null, c.teamId(), "SLA " + t.kind() + " breached: reassigning", system));
            case NOTIFY_SUPERVISOR -> {
                // the SlaBreached event is the notification
            }
        }
    }

    private void start(Conversation c, SlaKind kind, Instant at) {
        sla.policyFor(c.workspaceId(), c.channel(), c.priority()).ifPresent(p -> {
            Integer minutes = p.minutes(kind);
            if (minutes != null) {
                Instant due = sla.calendarOf(c.workspaceId(), p.id()).addBusinessTime(at, Duration.ofMinutes(minutes), List.of());
                store.upsertTimer(c.workspaceId(), c.id(), p.id(), kind, at, due);
            }
        });
    }

    private void stop(long ws, long conversationId, List<SlaKind> kinds, String status) {
        Instant now = clock.instant();
        for (SlaStore.Timer t : store.timers(ws, conversationId)) {
            if (kinds.contains(t.kind()) && active(t) && !t.status().equals("BREACHED")) {
                store.update(t.id(), status, t.dueAt(), null, t.warned(), now);
            }
        }
    }

    private static boolean active(SlaStore.Timer t) {
        return t.status().equals("RUNNING") || t.status().equals("PAUSED");
    }

}
