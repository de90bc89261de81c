package dev.conversa.listening;

import java.util.Locale;

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
        String v = Folding.foldAll(value.strip()).toLowerCase(Locale.ROOT);
        switch (this) {
            case AUTHOR -> {
                if (v.startsWith("@")) {
                    v = v.substring(1);
                }
            }
            case SITE -> {
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
            }
            default -> {
            }
        }
        return v;
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
