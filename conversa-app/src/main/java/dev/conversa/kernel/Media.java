package dev.conversa.kernel;

/**
 * The kinds of work capacity is counted in: an agent may hold 1 call, 3 chats and 8 social or email threads at once.
 * Each channel says which one its conversations are (the channel module's {@code ChannelAdapter#media()}); routing
 * counts in them and reads a channel's through {@link ChannelMedia}.
 */
public enum Media {
    CALL, CHAT, SOCIAL, EMAIL
}
