package dev.conversa.listening;

/**
 * A query that does not parse. The message names the position (0-based char offset) and what was expected,
 * e.g. {@code Expected ')' at position 17 but found end of query}.
 */
public final class QuerySyntaxException extends IllegalArgumentException {

    private final String query;
    private final int position;
    private final String expected;
    private final String found;

    QuerySyntaxException(String query, int position, String expected, String found) {
        super("Expected " + expected + " at position " + position + " but found " + found);
        this.query = query;
        this.position = position;
        this.expected = expected;
        this.found = found;
    }

    /** The query text that failed to parse. */
    public String query() {
        return query;
    }

    /** 0-based char offset of the problem in {@link #query()}. */
    public int position() {
        return position;
    }

    /** What the parser expected at {@link #position()}, e.g. {@code ')'}. */
    public String expected() {
        return expected;
    }

    /** What it found instead, e.g. {@code end of query}. */
    public String found() {
        return found;
    }
}
