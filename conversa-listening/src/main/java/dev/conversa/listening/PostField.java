package dev.conversa.listening;

/**
 * Metadata fields of a {@link Post} that queries can filter on with {@code name:value}.
 * Values compare case- and accent-insensitively as whole values (they are not tokenized).
 */
public enum PostField {
    /** ISO language code, e.g. {@code lang:es}. */
    LANG("lang"),
    /** Author handle, with or without {@code @}: {@code author:iberia} = {@code author:@Iberia}. */
    AUTHOR("author"),
    /** Country code, e.g. {@code country:mx}. */
    COUNTRY("country"),
    /** Site domain; {@code site:example.com} also matches sub-domains such as {@code news.example.com}. */
    SITE("site"),
    /** Channel the post comes from, e.g. {@code source:twitter}. */
    SOURCE("source");

    private final String queryName;

    PostField(String queryName) {
        this.queryName = queryName;
    }

    /** The name used in queries ({@code lang}, {@code author}, …). */
    public String queryName() {
        return queryName;
    }

    /** The field for a query name, case-insensitive, or {@code null}. */
    public static PostField byQueryName(String name) {
        for (PostField f : values()) {
            if (f.queryName.equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** Normalised value as used both in queries and when matching posts. */
    public String normalize(String value) {
        if (value == null) {
            return "";
        }
        if (this != SITE) {
            char[] buf = new char[value.length()];
            return new String(buf, 0, normalizeInto(value, buf, 0));
        }
        String v = Folding.foldAll(value.strip());
        int scheme = v.indexOf("://");
        if (scheme >= 0) {
            v = v.substring(scheme + 3);
        }
        int slash = v.indexOf('/');
        if (slash >= 0) {
            v = v.substring(0, slash);
        }
        if (v.startsWith("www.")) {
            v = v.substring(4);
        }
        return v;
    }

    /**
     * Allocation-free {@link #normalize} for every field but {@link #SITE}: writes the normalised value into
     * {@code out} from {@code off} (truncating at the end of {@code out}) and returns its length.
     */
    int normalizeInto(String value, char[] out, int off) {
        int from = 0;
        int to = value.length();
        while (from < to && Character.isWhitespace(value.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(value.charAt(to - 1))) {
            to--;
        }
        if (this == AUTHOR && from < to && value.charAt(from) == '@') {
            from++;
        }
        int n = off;
        for (int i = from; i < to && n < out.length; i++) {
            char c = value.charAt(i);
            // combining marks start at U+0300: the usual ASCII value needs no Unicode type lookup
            if (c < 0x300 || Character.getType(c) != Character.NON_SPACING_MARK) {
                out[n++] = Folding.fold(c);
            }
        }
        return n - off;
    }

    /**
     * The normalised values a post's field value is indexed under: the value itself and, for {@link #SITE},
     * every parent domain that still contains a dot ({@code a.b.com} → {@code a.b.com}, {@code b.com}).
     */
    public String[] indexValues(String value) {
        String v = normalize(value);
        if (v.isEmpty()) {
            return new String[0];
        }
        if (this != SITE) {
            return new String[] {v};
        }
        int count = 1;
        for (int i = v.indexOf('.'); i >= 0 && v.indexOf('.', i + 1) >= 0; i = v.indexOf('.', i + 1)) {
            count++;
        }
        String[] values = new String[count];
        values[0] = v;
        int k = 1;
        for (int i = v.indexOf('.'); k < count; i = v.indexOf('.', i + 1)) {
            values[k++] = v.substring(i + 1);
        }
        return values;
    }
}
