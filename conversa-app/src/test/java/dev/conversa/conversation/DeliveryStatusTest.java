package dev.conversa.conversation;

import static dev.conversa.conversation.DeliveryStatus.DELIVERED;
import static dev.conversa.conversation.DeliveryStatus.FAILED;
import static dev.conversa.conversation.DeliveryStatus.QUEUED;
import static dev.conversa.conversation.DeliveryStatus.READ;
import static dev.conversa.conversation.DeliveryStatus.RECEIVED;
import static dev.conversa.conversation.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

    @Test
    void statusesOnlyMoveForward() {
        assertThat(QUEUED.movesTo(SENT)).isTrue();
        assertThat(QUEUED.movesTo(READ)).as("a skipped step is fine").isTrue();
        assertThat(SENT.movesTo(DELIVERED)).isTrue();
        assertThat(DELIVERED.movesTo(READ)).isTrue();
        assertThat(READ.movesTo(DELIVERED)).as("a late delivered does not undo read").isFalse();
        assertThat(DELIVERED.movesTo(SENT)).isFalse();
        assertThat(SENT.movesTo(SENT)).isFalse();
        assertThat(SENT.movesTo(QUEUED)).as("only a retry queues again, not a report").isFalse();
    }

    @Test
    void failedComesAtAnyStepAndIsFinal() {
        assertThat(QUEUED.movesTo(FAILED)).isTrue();
        assertThat(SENT.movesTo(FAILED)).isTrue();
        assertThat(DELIVERED.movesTo(FAILED)).isTrue();
        assertThat(FAILED.movesTo(FAILED)).isFalse();
        for (DeliveryStatus s : DeliveryStatus.values()) {
            assertThat(FAILED.movesTo(s)).as("FAILED to %s", s).isFalse();
        }
    }

    @Test
    void inboundMessagesHaveNoDeliveryToMove() {
        for (DeliveryStatus s : DeliveryStatus.values()) {
            assertThat(RECEIVED.movesTo(s)).isFalse();
            assertThat(s.movesTo(RECEIVED)).isFalse();
        }
    }
}
