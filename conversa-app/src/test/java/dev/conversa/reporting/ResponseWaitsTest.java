package dev.conversa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Next-response waits: one wait per run of customer messages, from the earliest; the first wait is not a next one. */
class ResponseWaitsTest {
    private static Instant t(String hhmm) {
        return Instant.parse("2026-01-08T" + hhmm + ":00Z");
    }

    @Test
    void laterWaitsStartAtTheFirstUnansweredMessageAndEndAtTheNextReply() {
        var w = new ResponseWaits();
        w.agentReplied(t("08:00")); // an agent writing first answers nobody
        w.customerWrote(t("09:00"));
        w.agentReplied(t("09:02")); // the first response
        w.agentReplied(t("09:03")); // a second reply with nobody waiting ends nothing
        w.customerWrote(t("09:05"));
        w.customerWrote(t("09:06"));
        w.agentReplied(t("09:10"));
        w.customerWrote(t("10:00")); // still waiting: no next response yet
        assertThat(w.nextResponses()).containsExactly(new ResponseWaits.Wait(t("09:05"), t("09:10")));
    }

    @Test
    void aConversationAnsweredOnceHasNoNextResponse() {
        var w = new ResponseWaits();
        w.customerWrote(t("09:00"));
        w.agentReplied(t("09:30"));
        assertThat(w.nextResponses()).isEmpty();
    }
}
