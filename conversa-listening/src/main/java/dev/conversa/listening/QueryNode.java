package dev.conversa.listening;

import java.util.List;

/**
 * Parsed form of a listening query. Term texts are already normalised exactly as post tokens are
 * (see {@link TokenCursor}), so {@code Atención} is stored as {@code atencion}.
 * {@link #toString()} renders a canonical query string that parses back to an equal tree.
 */
public sealed interface QueryNode {

    /** One token: a word, {@code #hashtag}, {@code @mention}, URL or emoji. */
    record Term(String text) implements QueryNode {
        @Override
        public String toString() {
            return needsQuotes(text) ? '"' + text + '"' : text;
        }
    }

    /** Consecutive tokens, written {@code "exact phrase"}. */
    record Phrase(List<String> terms) implements QueryNode {
        public Phrase {
            terms = List.copyOf(terms);
        }

        @Override
        public String toString() {
            return '"' + String.join(" ", terms) + '"';
        }
    }

    /** Any token starting with {@code prefix}, written {@code prefix*}. */
    record Prefix(String prefix) implements QueryNode {
        @Override
        public String toString() {
            return prefix + '*';
        }
    }

    /** A metadata filter, written {@code name:value}; {@code value} is normalised by {@link PostField#normalize}. */
    record Field(PostField field, String value) implements QueryNode {
        @Override
        public String toString() {
            return field.queryName() + ':' + (value.isEmpty() || needsQuotes(value) ? '"' + value + '"' : value);
        }
    }

    /** All children must match. */
    record And(List<QueryNode> children) implements QueryNode {
        public And {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return join(children, " AND ");
        }
    }

    /** At least one child must match. */
    record Or(List<QueryNode> children) implements QueryNode {
        public Or {
            children = List.copyOf(children);
        }

        @Override
        public String toString() {
            return join(children, " OR ");
        }
    }

    /** The child must not match. */
    record Not(QueryNode child) implements QueryNode {
        @Override
        public String toString() {
            return "NOT " + child;
        }
    }

    /**
     * Proximity: an occurrence of {@code left} and one of {@code right} with at most {@code distance} tokens
     * between them; if {@code ordered} ({@code ONEAR/n}), {@code left} must come first. Operands are terms,
     * prefixes, phrases or OR-groups of those.
     */
    record Near(QueryNode left, QueryNode right, int distance, boolean ordered) implements QueryNode {
        @Override
        public String toString() {
            return "(" + left + (ordered ? " ONEAR/" : " NEAR/") + distance + " " + right + ")";
        }
    }

    private static String join(List<QueryNode> children, String operator) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < children.size(); i++) {
            if (i > 0) {
                sb.append(operator);
            }
            sb.append(children.get(i));
        }
        return sb.append(')').toString();
    }

    private static boolean needsQuotes(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == ')' || c == '"' || c == ':' || c == '*' || Character.isWhitespace(c)) {
                return true;
            }
        }
        return text.startsWith("-") || text.equals("AND") || text.equals("OR") || text.equals("NOT");
    }
}
