package dev.conversa.web;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether a free-form reply is allowed now on a channel with a reply window (WhatsApp: 24 hours after the
 * customer's last message), as {@code GET /api/v1/conversations/{id}/reply-window} answers it: the window comes
 * from the channel adapter's capabilities, its start from the customer's last message in the conversation.
 * Outside the window the reply box offers only message templates.
 *
 * @param applies  the channel has a window at all
 * @param closesAt {@code null} when the customer never wrote
 */
public record ReplyWindow(boolean applies, boolean open, Instant closesAt, long hours) {
    static final ReplyWindow NONE = new ReplyWindow(false, true, null, 0);

    static ReplyWindow of(Duration window, Instant lastCustomerMessage, Instant now) {
        if (window == null) {
            return NONE;
        }
        Instant closes = lastCustomerMessage == null ? null : lastCustomerMessage.plus(window);
        return new ReplyWindow(true, closes != null && now.isBefore(closes), closes, window.toHours());
    }

    public boolean templatesOnly() {
        return applies && !open;
    }
}
