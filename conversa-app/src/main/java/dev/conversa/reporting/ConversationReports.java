package dev.conversa.reporting;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Role;
import dev.conversa.sla.BusinessCalendar;
import dev.conversa.sla.SlaService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** The supervisor's conversation report, from the reporting facts (definitions in docs/analytics.md). */
@Service
public class ConversationReports {
    private final ReportingStore store;
    private final SlaService sla;
    private final ReportingSettings settings;

    ConversationReports(ReportingStore store, SlaService sla, ReportingSettings settings) {
        this.store = store;
        this.sla = sla;
        this.settings = settings;
    }

    /**
     * @param from default: 30 days before {@code to}
     * @param to   default: now
     * @param by   {@code none}, {@code channel} or {@code inbox}
     * @param calendarId one of the workspace's calendars: durations in its business hours too (null: clock time only)
     */
    public ConversationReport report(Instant from, Instant to, String by, Long calendarId, Actor actor) {
        actor.require(Role.SUPERVISOR);
        BusinessCalendar calendar = calendarId == null ? null : sla.businessCalendar(calendarId, actor);
        ReportRange range = ReportRange.of(from, to);
        Instant start = range.from(), end = range.to();
        String grouping = by == null ? "none" : by;
        Function<ReportingStore.Row, String> key = switch (grouping) {
            case "none" -> null;
            case "channel" -> ReportingStore.Row::channel;
            case "inbox" -> r -> Long.toString(r.inboxId());
            default -> throw new InvalidInputException("by", "by must be none, channel or inbox");
        };
        List<ReportingStore.Row> rows = store.opened(actor.workspace(), start, end);
        Duration window = settings.fcrWindow(actor.workspace());
        Instant now = Instant.now();
        List<ConversationFigures> groups = new ArrayList<>();
        if (key != null) {
            Map<String, List<ReportingStore.Row>> byKey = new TreeMap<>();
            rows.forEach(r -> byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
            byKey.forEach((k, list) -> groups.add(figures(k, list, calendar, window, now)));
        }
        return new ConversationReport(start, end, grouping, calendarId, figures("all", rows, calendar, window, now), groups);
    }

    static ConversationFigures figures(String group, List<ReportingStore.Row> rows, BusinessCalendar calendar) {
        return figures(group, rows, calendar, ReportingSettings.DEFAULT_FCR_WINDOW, Instant.now());
    }

    /**
     * @param fcrWindow how long a resolved customer must stay away for the resolution to count as first contact
     * @param now       the moment the report is made: windows not closed by then are pending
     */
    static ConversationFigures figures(String group, List<ReportingStore.Row> rows, BusinessCalendar calendar,
                                       Duration fcrWindow, Instant now) {
        List<Long> nextResponse = new ArrayList<>();
        List<Long> nextResponseBusiness = new ArrayList<>();
        int fcrDecided = 0, fcr = 0, fcrPending = 0;
        for (ReportingStore.Row r : rows) {
            for (ResponseWaits.Wait w : r.nextResponses()) {
                nextResponse.add(seconds(w.from(), w.to()));
                if (calendar != null) {
                    nextResponseBusiness.add(calendar.businessTimeBetween(w.from(), w.to()).toSeconds());
                }
            }
            if (r.firstResolved() == null) {
                continue;
            }
            Instant windowEnd = r.firstResolved().plus(fcrWindow);
            boolean cameBack = r.resolutions() > 1
                    || r.customerBackAt() != null && !r.customerBackAt().isAfter(windowEnd);
            if (r.agentRepliesToResolution() != 1 || cameBack) {
                fcrDecided++;
            } else if (now.isAfter(windowEnd)) {
                fcrDecided++;
                fcr++;
            } else {
                fcrPending++;
            }
        }
        Double fcrRate = fcrDecided == 0 ? null : Math.round(10_000.0 * fcr / fcrDecided) / 10_000.0;
        ConversationFigures base = clockAndBusiness(group, rows, calendar);
        return new ConversationFigures(base.group(), base.opened(), base.answered(), base.awaitingResponse(),
                base.resolved(), base.reopened(), base.reopenRate(), base.firstResponse(), base.resolution(),
                base.firstResponseBusiness(), base.resolutionBusiness(), Durations.of(nextResponse),
                calendar == null ? null : Durations.of(nextResponseBusiness), fcrDecided, fcr, fcrPending, fcrRate);
    }

    private static ConversationFigures clockAndBusiness(String group, List<ReportingStore.Row> rows,
                                                        BusinessCalendar calendar) {
        List<Long> firstResponse = new ArrayList<>();
        List<Long> resolution = new ArrayList<>();
        List<Long> firstResponseBusiness = new ArrayList<>();
        List<Long> resolutionBusiness = new ArrayList<>();
        int answered = 0, awaiting = 0, resolved = 0, reopened = 0;
        for (ReportingStore.Row r : rows) {
            Instant start = r.firstInbound() == null || r.openedAt().isBefore(r.firstInbound()) ? r.openedAt() : r.firstInbound();
            if (r.firstResponse() != null) {
                answered++;
                firstResponse.add(seconds(r.firstInbound(), r.firstResponse()));
                if (calendar != null) {
                    firstResponseBusiness.add(calendar.businessTimeBetween(r.firstInbound(), r.firstResponse()).toSeconds());
                }
            } else if (r.firstInbound() != null) {
                awaiting++;
            }
            if (r.firstResolved() != null) {
                resolved++;
                resolution.add(seconds(start, r.firstResolved()));
                if (calendar != null) {
                    resolutionBusiness.add(calendar.businessTimeBetween(start, r.firstResolved()).toSeconds());
                }
                if (r.resolutions() > 1) {
                    reopened++;
                }
            }
        }
        Double reopenRate = resolved == 0 ? null : Math.round(10_000.0 * reopened / resolved) / 10_000.0;
        return new ConversationFigures(group, rows.size(), answered, awaiting, resolved, reopened, reopenRate,
                Durations.of(firstResponse), Durations.of(resolution),
                calendar == null ? null : Durations.of(firstResponseBusiness),
                calendar == null ? null : Durations.of(resolutionBusiness), null, null, 0, 0, 0, null);
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }
}
