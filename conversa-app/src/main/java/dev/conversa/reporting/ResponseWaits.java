package dev.conversa.reporting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The waits of one conversation for an agent, from its messages in time order. A customer message starts a wait
 * unless one is already running (several messages before an answer are one wait, from the earliest); the next agent
 * reply ends it. The first wait is the first response; every later one is a <em>next response</em>.
 */
final class ResponseWaits {
    /** A customer waited from {@code from} until an agent replied at {@code to}. */
    record Wait(Instant from, Instant to) {
    }

    private final List<Wait> answered = new ArrayList<>();
    private Instant waitingSince;

    void customerWrote(Instant at) {
        if (waitingSince == null) {
            waitingSince = at;
        }
    }

    void agentReplied(Instant at) {
        if (waitingSince != null) {
            answered.add(new Wait(waitingSince, at));
            waitingSince = null;
        }
    }

    /** The answered waits after the first one. */
    List<Wait> nextResponses() {
        return answered.size() <= 1 ? List.of() : List.copyOf(answered.subList(1, answered.size()));
    }
}
