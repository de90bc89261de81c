package dev.conversa.reporting;

import dev.conversa.kernel.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/** The range of opening times a report or export covers: [from, to), by default the last 30 days, at most 366. */
record ReportRange(Instant from, Instant to) {
    /** A report spans at most this long, so one request reads a bounded number of facts. */
    static final Duration MAX = Duration.ofDays(366);

    static ReportRange of(Instant from, Instant to) {
        Instant end = to == null ? Instant.now() : to;
        Instant start = from == null ? end.minus(Duration.ofDays(30)) : from;
        if (!start.isBefore(end)) {
            throw new InvalidInputException("from", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX) > 0) {
            throw new InvalidInputException("from", "a report spans at most 366 days");
        }
        return new ReportRange(start, end);
    }
}
