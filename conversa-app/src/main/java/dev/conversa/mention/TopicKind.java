package dev.conversa.mention;

/** What a topic listens for: the workspace's own brand, one of its products, or a competitor. */
public enum TopicKind {
    BRAND, PRODUCT, COMPETITOR
}
