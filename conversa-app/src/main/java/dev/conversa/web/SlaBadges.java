package dev.conversa.web;

import dev.conversa.kernel.Actor;
import dev.conversa.sla.SlaService;
import dev.conversa.sla.SlaState;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The SLA state the console shows in inbox rows and the conversation header, from the sla module's timers
 * ({@link SlaService#stateOf}): the most pressing timer of each conversation, as one of the states the inbox
 * filters on (see {@code InboxQuery}) and the business time left.
 */
@Component
class SlaBadges {
    private final SlaService sla;

    SlaBadges(SlaService sla) {
        this.sla = sla;
    }

    /**
     * @param state    ON_TRACK, AT_RISK, BREACHED, or MET once the timers stopped in time
     * @param kind     FIRST_RESPONSE, NEXT_RESPONSE or RESOLUTION
     * @param timeLeft "1h 05m", "-12m" once breached; empty when stopped
     */
    public record SlaView(String state, String kind, Instant dueAt, String timeLeft, boolean paused) {
    }

    Map<Long, SlaView> of(long workspaceId, List<Long> conversationIds) {
        Map<Long, SlaView> out = new LinkedHashMap<>();
        if (conversationIds.isEmpty()) {
            return out;
        }
        sla.stateOf(workspaceId, conversationIds).forEach((id, s) -> {
            SlaView v = view(s);
            if (v != null) {
                out.put(id, v);
            }
        });
        return out;
    }

    SlaView of(long conversationId, Actor actor) {
        return of(actor.workspace(), List.of(conversationId)).get(conversationId);
    }

    static SlaView view(SlaState s) {
        boolean overdue = s.timeLeft() != null && s.timeLeft().isNegative();
        String state = switch (s.status()) {
            case "BREACHED" -> "BREACHED";
            case "RUNNING" -> overdue ? "BREACHED" : s.warning() ? "AT_RISK" : "ON_TRACK";
            case "PAUSED" -> "ON_TRACK";
            case "MET" -> "MET";
            default -> null; // CANCELLED: nothing to show
        };
        return state == null ? null
                : new SlaView(state, s.kind().name(), s.dueAt(), left(s.timeLeft()), "PAUSED".equals(s.status()));
    }

    static String left(Duration d) {
        if (d == null) {
            return "";
        }
        long minutes = Math.abs(d.toMinutes());
        String sign = d.isNegative() ? "-" : "";
        if (minutes >= 24 * 60) {
            return sign + (minutes / (24 * 60)) + "d " + (minutes % (24 * 60)) / 60 + "h";
        }
        return minutes >= 60 ? sign + minutes / 60 + "h " + String.format("%02dm", minutes % 60) : sign + minutes + "m";
    }
}
