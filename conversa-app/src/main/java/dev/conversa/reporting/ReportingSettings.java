package dev.conversa.reporting;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.Role;
import java.time.Duration;
import org.springframework.stereotype.Service;

/**
 * A workspace's reporting settings: how many days a resolved customer must stay away, on every channel, for the
 * resolution to count as first-contact (default 7).
 */
@Service
public class ReportingSettings {
    static final int DEFAULT_FCR_WINDOW_DAYS = 7;
    static final Duration DEFAULT_FCR_WINDOW = Duration.ofDays(DEFAULT_FCR_WINDOW_DAYS);
    static final int MAX_FCR_WINDOW_DAYS = 90;

    private final ReportingStore store;

    ReportingSettings(ReportingStore store) {
        this.store = store;
    }

    /** @param fcrWindowDays days the customer must not come back for a first-contact resolution */
    public record Values(int fcrWindowDays) {
    }

    /** Supervisors read them (the reports they see depend on them). */
    public Values get(Actor actor) {
        actor.require(Role.SUPERVISOR);
        return new Values(store.fcrWindowDays(actor.workspace()).orElse(DEFAULT_FCR_WINDOW_DAYS));
    }

    /** Admins change them; 1 to 90 days. */
    public Values set(Values values, Actor actor) {
        actor.require(Role.ADMIN);
        if (values == null || values.fcrWindowDays() < 1 || values.fcrWindowDays() > MAX_FCR_WINDOW_DAYS) {
            throw new InvalidInputException("fcrWindowDays", "fcrWindowDays must be between 1 and 90");
        }
        store.fcrWindowDays(actor.workspace(), values.fcrWindowDays());
        return get(actor);
    }

    Duration fcrWindow(long ws) {
        return Duration.ofDays(store.fcrWindowDays(ws).orElse(DEFAULT_FCR_WINDOW_DAYS));
    }
}
