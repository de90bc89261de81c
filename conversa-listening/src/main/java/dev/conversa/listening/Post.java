package dev.conversa.listening;

/**
 * A post of the public stream to match against standing queries. Any metadata field may be {@code null}.
 *
 * @param text    the post's text
 * @param lang    language code (for {@code lang:})
 * @param author  author handle (for {@code author:})
 * @param country country code (for {@code country:})
 * @param site    site domain (for {@code site:})
 * @param source  channel, e.g. {@code twitter} (for {@code source:})
 */
public record Post(String text, String lang, String author, String country, String site, String source) {

    public Post {
        text = text == null ? "" : text;
    }

    /** A post with text only. */
    public static Post of(String text) {
        return new Post(text, null, null, null, null, null);
    }

    /** A post with text and language. */
    public static Post of(String text, String lang) {
        return new Post(text, lang, null, null, null, null);
    }

    /** The raw value of a metadata field. */
    public String field(PostField field) {
        return switch (field) {
            case LANG -> lang;
            case AUTHOR -> author;
            case COUNTRY -> country;
            case SITE -> site;
            case SOURCE -> source;
        };
    }
}
