package dev.conversa.channel.webhook;

import dev.conversa.channel.Inbox;
import dev.conversa.kernel.ChannelType;

/** Hides, shows again or deletes a customer's public comment on a network that allows it. */
public interface CommentModerator {

    enum Action { HIDE, UNHIDE, DELETE }

    boolean supports(ChannelType channel, Action action);

    /** Applies the action on the network; throws {@link Refused} with the provider's reason when it did not. */
    void moderate(Inbox inbox, String externalId, Action action);

    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
