package dev.conversa.channel.sms;

import dev.conversa.channel.webhook.ReadableBodies;
import java.util.Map;

/**
 * The readable body of a message Twilio delivers (https://www.twilio.com/docs/messaging/guides/webhook-request):
 * SMS and MMS text, and for WhatsApp through Twilio a shared location ({@code Latitude}, {@code Longitude},
 * {@code Address}, {@code Label}) or a tapped button ({@code ButtonText}), which come with an empty {@code Body}.
 * A message with neither text, media nor any of those reads "unsupported message type X" ({@code MessageType}).
 */
final class TwilioBodies {
    private TwilioBodies() {
    }

    static String of(Map<String, String> p, boolean hasMedia) {
        String body = p.get("Body") == null ? "" : p.get("Body");
        String latitude = p.get("Latitude");
        String longitude = p.get("Longitude");
        if (latitude != null && longitude != null) {
            String location = ReadableBodies.location(latitude, longitude, p.get("Label"), p.get("Address"));
            return body.isBlank() ? location : body + "\n" + location;
        }
        if (body.isBlank() && p.get("ButtonText") != null) {
            return ReadableBodies.button(p.get("ButtonText"));
        }
        if (body.isBlank() && !hasMedia) {
            return ReadableBodies.unsupported(p.get("MessageType"));
        }
        return body;
    }
}
