package dev.conversa.reporting;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Role;
import dev.conversa.sla.SlaKind;
import dev.conversa.sla.SlaService;
import dev.conversa.sla.SlaState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/** Volumes by channel, inbox, team, agent or tag; the backlog by age; SLA achievement per target (docs/analytics.md). */
@Service
public class BreakdownReports {
    static final Set<String> GROUPINGS = Set.of("none", "channel", "inbox", "team", "agent", "tag");
    /** Upper bounds of the backlog's age bands; the last band is everything older. */
    static final List<Duration> AGE_BANDS = List.of(Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(24),
            Duration.ofDays(3), Duration.ofDays(7));
    static final List<String> AGE_LABELS = List.of("<1h", "1h-4h", "4h-24h", "1d-3d", "3d-7d", ">=7d");
    private static final int IDS_PER_QUERY = 500;

    private final Breakdowns breakdowns;
    private final SlaService sla;

    BreakdownReports(Breakdowns breakdowns, SlaService sla) {
        this.breakdowns = breakdowns;
        this.sla = sla;
    }

    /** One group's volume in the range. */
    public record Volume(String group, long opened, long inbound, long outbound, long resolved) {
    }

    public record VolumeReport(Instant from, Instant to, String groupedBy, List<Volume> groups) {
    }

    public VolumeReport volume(Instant from, Instant to, String by, Actor actor) {
        actor.require(Role.SUPERVISOR);
        ReportRange range = ReportRange.of(from, to);
        String grouping = by == null ? "none" : by;
        if (!GROUPINGS.contains(grouping)) {
            throw new InvalidInputException("by", "by must be none, channel, inbox, team, agent or tag");
        }
        List<Volume> groups = new ArrayList<>();
        breakdowns.volume(actor.workspace(), range.from(), range.to(), grouping)
                .forEach((k, n) -> groups.add(new Volume(k, n[0], n[1], n[2], n[3])));
        return new VolumeReport(range.from(), range.to(), grouping, groups);
    }

    /** @param byAge counts per age band, in the order of {@code bands}; @param oldestOpenedAt null with nothing open */
    public record Backlog(Instant at, long open, Map<String, Long> byStatus, List<String> bands, List<Long> byAge,
                          Instant oldestOpenedAt) {
    }

    /** The conversations open now (open, pending or snoozed), by status and by age since they opened. */
    public Backlog backlog(Actor actor) {
        actor.require(Role.SUPERVISOR);
        Instant now = Instant.now();
        long[] ages = new long[AGE_LABELS.size()];
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        Instant[] oldest = {null};
        long[] total = {0};
        breakdowns.open(actor.workspace(), (opened, status) -> {
            total[0]++;
            byStatus.merge(status, 1L, Long::sum);
            if (oldest[0] == null || opened.isBefore(oldest[0])) {
                oldest[0] = opened;
            }
            Duration age = Duration.between(opened, now);
            int band = 0;
            while (band < AGE_BANDS.size() && age.compareTo(AGE_BANDS.get(band)) >= 0) {
                band++;
            }
            ages[band]++;
        });
        return new Backlog(now, total[0], byStatus, AGE_LABELS, java.util.Arrays.stream(ages).boxed().toList(), oldest[0]);
    }

    /**
     * One SLA target's outcome over the conversations opened in the range. {@code achievement = met / (met + breached)}
     * (null when none is decided); cancelled timers (a resolution stops the response clocks) count nowhere.
     */
    public record SlaTarget(SlaKind kind, long met, long breached, long inProgress, Double achievement) {
    }

    public record SlaReport(Instant from, Instant to, List<SlaTarget> targets) {
    }

    public SlaReport sla(Instant from, Instant to, Actor actor) {
        actor.require(Role.SUPERVISOR);
        ReportRange range = ReportRange.of(from, to);
        long ws = actor.workspace();
        Map<SlaKind, long[]> counts = new EnumMap<>(SlaKind.class);
        for (SlaKind kind : SlaKind.values()) {
            counts.put(kind, new long[3]);
        }
        List<Long> ids = breakdowns.openedIds(ws, range.from(), range.to());
        for (int i = 0; i < ids.size(); i += IDS_PER_QUERY) {
            for (SlaState s : sla.timersOf(ws, ids.subList(i, Math.min(ids.size(), i + IDS_PER_QUERY)))) {
                long[] c = counts.get(s.kind());
                switch (s.status()) {
                    case "MET" -> c[0]++;
                    case "BREACHED" -> c[1]++;
                    case "RUNNING", "PAUSED" -> c[2]++;
                    default -> { }
                }
            }
        }
        List<SlaTarget> targets = new ArrayList<>();
        counts.forEach((kind, c) -> targets.add(new SlaTarget(kind, c[0], c[1], c[2],
                c[0] + c[1] == 0 ? null : Math.round(10_000.0 * c[0] / (c[0] + c[1])) / 10_000.0)));
        return new SlaReport(range.from(), range.to(), targets);
    }
}
