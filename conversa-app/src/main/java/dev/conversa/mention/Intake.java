package dev.conversa.mention;

/**
 * What happened to a delivered post.
 *
 * @param matched the standing queries (visible to the caller) it matched
 * @param stored  the mentions stored now; fewer than {@code matched} when the post was delivered before
 */
public record Intake(int matched, int stored) {
}
