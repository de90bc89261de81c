package dev.conversa.mention;

import java.time.Instant;

/**
 * One item of an RSS channel or one entry of an Atom feed, reduced to what the listening intake needs.
 *
 * @param id        the entry's identity in the feed: Atom {@code id}, RSS {@code guid}, else its link; {@code null}
 *                  when the entry has none of them (it is then identified by its text)
 * @param text      title and plain text of the summary or content, markup removed
 * @param lang      the entry's or the feed's language as a primary subtag ({@code en} for {@code en-us}), or {@code null}
 * @param published when it was published (Atom {@code published}, else {@code updated}; RSS {@code pubDate})
 */
record FeedEntry(String id, String text, String link, String author, String lang, Instant published) {
}
