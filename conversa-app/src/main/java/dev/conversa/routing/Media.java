package dev.conversa.routing;

import dev.conversa.kernel.ChannelType;

/** The kinds of work capacity is counted in: an agent may hold 1 call, 3 chats and 8 social or email threads at once. */
public enum Media {
    CALL, CHAT, SOCIAL, EMAIL;

    public static Media of(ChannelType channel) {
        return switch (channel) {
            case VOICE -> CALL;
            case WEBCHAT, WHATSAPP, TELEGRAM, SMS -> CHAT;
            case TWITTER, FACEBOOK, INSTAGRAM, MASTODON -> SOCIAL;
            case EMAIL, API -> EMAIL;
        };
    }
}
