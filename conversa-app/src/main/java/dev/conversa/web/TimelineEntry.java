package dev.conversa.web;

import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.Direction;
import dev.conversa.conversation.Visibility;
import dev.conversa.kernel.ChannelType;
import java.time.Instant;

/**
 * A message or an internal note, in the order they happened. {@code body} is always shown as text; {@code html}
 * is set only for messages that carry formatting (email) and is sanitised with {@code MessageHtml.SAFELIST} when
 * stored and again when the timeline is built, so the template may render it as HTML.
 *
 * @param sentiment   NEGATIVE, NEUTRAL or POSITIVE once the analysis module has looked at a customer's message
 * @param moderatable a customer's public comment with the network's id: it can be hidden or deleted there
 */
public record TimelineEntry(String kind, long id, ChannelType channel, Direction direction, Visibility visibility, String author,
                            String body, String html, DeliveryStatus deliveryStatus, String deliveryError, String sentiment,
                            boolean moderatable, Instant at) {

    public boolean note() {
        return "note".equals(kind);
    }

    /** A customer's message: its sentiment can be corrected. */
    public boolean fromCustomer() {
        return "message".equals(kind) && direction == Direction.IN;
    }

    /** Our message whose delivery failed: the agent can retry it. */
    public boolean failed() {
        return "message".equals(kind) && direction == Direction.OUT && deliveryStatus == DeliveryStatus.FAILED;
    }
}
