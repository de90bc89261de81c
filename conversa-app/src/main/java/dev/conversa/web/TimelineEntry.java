package dev.conversa.web;

import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.Direction;
import dev.conversa.conversation.Visibility;
import dev.conversa.kernel.ChannelType;
import java.time.Instant;

/** A message or an internal note, in the order they happened. {@code body} is always shown as text. */
public record TimelineEntry(String kind, long id, ChannelType channel, Direction direction, Visibility visibility, String author,
                     String body, DeliveryStatus deliveryStatus, String deliveryError, Instant at) {

    public boolean note() {
        return "note".equals(kind);
    }
}
