package dev.conversa.channel.meta;

import dev.conversa.channel.webhook.SocialState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * WhatsApp's customer-service window: free-form messages only within 24 hours of the customer's last message;
 * outside it a business may send only an approved message template.
 */
@Component
class WhatsAppWindow {
    static final Duration LENGTH = Duration.ofHours(24);
    private final SocialState state;

    WhatsAppWindow(SocialState state) {
        this.state = state;
    }

    record Status(Instant lastCustomerMessageAt, Instant closesAt, boolean open) {
    }

    Status of(long inboxId, String waId) {
        Optional<Instant> last = state.lastContact(inboxId, digits(waId));
        Instant closes = last.map(l -> l.plus(LENGTH)).orElse(null);
        return new Status(last.orElse(null), closes, closes != null && Instant.now().isBefore(closes));
    }

    static String digits(String phone) {
        return phone == null ? null : phone.replaceAll("\\D", "");
    }
}
