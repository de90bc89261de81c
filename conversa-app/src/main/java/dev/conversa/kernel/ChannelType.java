package dev.conversa.kernel;

/** Every channel a conversation can live on. */
public enum ChannelType {
    EMAIL, WEBCHAT, SMS, VOICE, TWITTER, FACEBOOK, INSTAGRAM, WHATSAPP, TELEGRAM, MASTODON,
    /** Messages pushed by the customer's own systems through the REST API. */
    API
}
