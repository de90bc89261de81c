package dev.conversa.sla;

import dev.conversa.conversation.Priority;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SLA policies and calendars, and the state of each conversation's timers. */
@Service
public class SlaService {
    private final SlaStore store;
    private final WorkspaceService workspaces;
    private final Clock clock;

    SlaService(SlaStore store, WorkspaceService workspaces, ObjectProvider<Clock> clock) {
        this.store = store;
        this.workspaces = workspaces;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A new policy; the most specific one (channel and priority) applies to a new conversation. */
    @Transactional
    public SlaPolicy createPolicy(String name, ChannelType channel, Priority priority, Integer firstResponseMinutes,
                                  Integer nextResponseMinutes, Integer resolutionMinutes, Long calendarId,
                                  Integer warnBeforeMinutes, Escalation escalation, Actor actor) {
        actor.require(Role.ADMIN);
        long ws = actor.workspace();
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        for (Integer m : new Integer[] {firstResponseMinutes, nextResponseMinutes, resolutionMinutes}) {
            if (m != null && m <= 0) {
                throw new InvalidInputException("minutes", "targets are positive numbers of minutes");
            }
        }
        if (calendarId != null) {
            store.calendar(ws, calendarId).orElseThrow(() -> new InvalidInputException("calendarId", "no such calendar"));
        }
        long id = store.insertPolicy(ws, name.strip(), channel, priority, firstResponseMinutes, nextResponseMinutes,
                resolutionMinutes, calendarId, warnBeforeMinutes == null ? 15 : Math.max(0, warnBeforeMinutes),
                escalation == null ? Escalation.NOTIFY_SUPERVISOR : escalation);
        return store.policy(ws, id).orElseThrow();
    }

    public List<SlaPolicy> policies(Actor actor) {
        return store.policies(actor.workspace());
    }

    @Transactional
    public void deletePolicy(long id, Actor actor) {
        actor.require(Role.ADMIN);
        if (store.deletePolicy(actor.workspace(), id) == 0) {
            throw new NotFoundException("SLA policy", id);
        }
    }

    @Transactional
    public SlaCalendar createCalendar(String name, String timeZone, String hours, List<LocalDate> holidays, Actor actor) {
        actor.require(Role.ADMIN);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        List<LocalDate> days = holidays == null ? List.of() : holidays;
        Calendars.parse(timeZone == null ? "UTC" : timeZone, hours == null ? "" : hours, days);
        long id = store.insertCalendar(actor.workspace(), name.strip(), timeZone, hours, days);
        return store.calendar(actor.workspace(), id).orElseThrow();
    }

    public List<SlaCalendar> calendars(Actor actor) {
        return store.calendars(actor.workspace());
    }

    /** One of the workspace's calendars as business hours (for reports in business time); 404 for another's. */
    public BusinessCalendar businessCalendar(long calendarId, Actor actor) {
        SlaCalendar c = store.calendar(actor.workspace(), calendarId)
                .orElseThrow(() -> new NotFoundException("calendar", calendarId));
        return Calendars.parse(c.timeZone(), c.hours(), c.holidays());
    }

    /** The target the policy for this channel and priority sets for a first response, e.g. for auto-replies. */
    public Optional<Duration> firstResponseTarget(long workspaceId, ChannelType channel, Priority priority) {
        return policyFor(workspaceId, channel, priority).map(SlaPolicy::firstResponseMinutes).map(Duration::ofMinutes);
    }

    /** Every timer of one conversation. */
    public List<SlaState> timers(long conversationId, Actor actor) {
        Instant now = clock.instant();
        return store.timers(actor.workspace(), conversationId).stream().map(t -> state(t, now)).toList();
    }

    /**
     * The most pressing timer of each conversation (the running one due first; else the last stopped one), for
     * inbox lists: conversations without timers are absent from the map.
     */
    public Map<Long, SlaState> stateOf(long workspaceId, List<Long> conversationIds) {
        Instant now = clock.instant();
        Map<Long, SlaState> out = new LinkedHashMap<>();
        Comparator<SlaState> urgency = Comparator.comparing((SlaState s) -> s.dueAt() == null ? 1 : 0)
                .thenComparing(s -> s.dueAt() == null ? Instant.MAX : s.dueAt());
        for (SlaStore.Timer t : store.timers(workspaceId, conversationIds)) {
            SlaState s = state(t, now);
            out.merge(t.conversationId(), s, (a, b) -> active(a) != active(b) ? (active(a) ? a : b)
                    : urgency.compare(a, b) <= 0 ? a : b);
        }
        return out;
    }

    /** Every timer of these conversations of the workspace, each with where it stands now (reports). */
    public List<SlaState> timersOf(long workspaceId, List<Long> conversationIds) {
        Instant now = clock.instant();
        return store.timers(workspaceId, conversationIds).stream().map(t -> state(t, now)).toList();
    }

    private static boolean active(SlaState s) {
        return s.status().equals("RUNNING") || s.status().equals("PAUSED") || s.status().equals("BREACHED");
    }

    SlaState state(SlaStore.Timer t, Instant now) {
        Duration left = null;
        if (t.status().equals("RUNNING") || t.status().equals("BREACHED")) {
            BusinessCalendar cal = calendarOf(t.workspaceId(), t.policyId());
            left = t.dueAt() == null ? null : t.dueAt().isAfter(now) ? cal.businessTimeBetween(now, t.dueAt())
                    : cal.businessTimeBetween(t.dueAt(), now).negated();
        } else if (t.status().equals("PAUSED") && t.remainingMs() != null) {
            left = Duration.ofMillis(t.remainingMs());
        }
        return new SlaState(t.conversationId(), t.kind(), t.status(), t.dueAt(), left, t.warned());
    }

    Optional<SlaPolicy> policyFor(long ws, ChannelType channel, Priority priority) {
        return store.policies(ws).stream().filter(p -> p.specificity(channel, priority) >= 0)
                .max(Comparator.comparingInt((SlaPolicy p) -> p.specificity(channel, priority))
                        .thenComparing(p -> -p.id()));
    }

    BusinessCalendar calendarOf(long ws, long policyId) {
        Long calendarId = store.policy(ws, policyId).map(SlaPolicy::calendarId).orElse(null);
        if (calendarId != null) {
            var c = store.calendar(ws, calendarId).orElse(null);
            if (c != null) {
                return Calendars.parse(c.timeZone(), c.hours(), c.holidays());
            }
        }
        String zone = workspaces.find(ws).map(w -> w.timeZone()).orElse("UTC");
        return BusinessCalendar.always(ZoneId.of(zone == null ? "UTC" : zone));
    }
}
