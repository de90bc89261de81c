package dev.conversa.mention;

/**
 * What an alert rule watches: a topic's posts per hour, or its negative posts per hour, each against a seasonal
 * baseline; or KEYWORD, the hour's posts of the topic containing the rule's term (no baseline: it fires on the first
 * hour with at least {@code minCount} such posts, then rests for the cooldown); or INFLUENCER, the hour's posts of the
 * topic by authors with at least the rule's {@code minFollowers} followers (no baseline either: it fires on the first
 * hour with {@code minCount} of them, default 1).
 */
public enum AlertKind {
    SPIKE, NEGATIVE_SURGE, KEYWORD, INFLUENCER
}
