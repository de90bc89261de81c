package dev.conversa.mention;

import java.time.Instant;

/**
 * A post of the public stream, as a source delivers it.
 *
 * @param source     the network, e.g. {@code twitter}, {@code mastodon} (for {@code source:})
 * @param externalId the network's id of the post: a redelivery stores nothing new
 * @param authorId   the network's id of the author (e.g. an X user id), so a case opened from the mention joins the
 *                   customer the channel already knows; the {@code author} handle is used when absent
 * @param lang       the network's language code when it gives one; detected otherwise (for {@code lang:})
 * @param postedAt   when it was posted; now when {@code null}
 * @param authorFollowers how many followers the author had when the source saw the post, {@code null} when the source
 *                   does not say (a topic's reach adds up the known ones)
 */
public record PublicPost(String source, String externalId, String text, String author, String authorId, String url, String lang,
                         String country, String site, Instant postedAt,
                         Long authorFollowers) {
}
