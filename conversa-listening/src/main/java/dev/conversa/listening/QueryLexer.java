package dev.conversa.listening;

import java.util.ArrayList;
import java.util.List;

/** Splits a query string into operator, parenthesis, quoted-phrase and bare-word lexemes. */
final class QueryLexer {

    enum Kind { LPAREN, RPAREN, QUOTED, WORD, MINUS, AND, OR, NOT, NEAR, END }

    /**
     * One lexeme. For {@code QUOTED} the text excludes the quotes; for {@code NEAR} {@code distance} is set;
     * for a {@code WORD} like {@code author:"John Doe"} the quoted value is part of the text.
     */
    record Lexeme(Kind kind, String text, int position, int distance, boolean ordered) {
        String describe() {
            return switch (kind) {
                case END -> "end of query";
                case QUOTED -> "\"" + text + "\"";
                case MINUS -> "'-'";
                default -> "'" + text + "'";
            };
        }
    }

    private final String query;
    private int i;

    private QueryLexer(String query) {
        this.query = query;
    }

    static List<Lexeme> lex(String query) {
        return new QueryLexer(query).run();
    }

    private List<Lexeme> run() {
        List<Lexeme> out = new ArrayList<>();
        int n = query.length();
        while (true) {
            while (i < n && Character.isWhitespace(query.charAt(i))) {
                i++;
            }
            if (i >= n) {
                out.add(new Lexeme(Kind.END, "", n, 0, false));
                return out;
            }
            char c = query.charAt(i);
            int start = i;
            if (c == '(') {
                i++;
                out.add(new Lexeme(Kind.LPAREN, "(", start, 0, false));
            } else if (c == ')') {
                i++;
                out.add(new Lexeme(Kind.RPAREN, ")", start, 0, false));
            } else if (c == '"') {
                out.add(new Lexeme(Kind.QUOTED, readQuoted(), start, 0, false));
            } else if (c == '-' && i + 1 < n && startsOperand(query.charAt(i + 1))) {
                i++;
                out.add(new Lexeme(Kind.MINUS, "-", start, 0, false));
            } else {
                out.add(word(start));
            }
        }
    }

    private static boolean startsOperand(char c) {
        return !Character.isWhitespace(c) && c != ')' && c != '-';
    }

    /** Reads {@code "..."} starting at the opening quote; returns the content. */
    private String readQuoted() {
        int open = i;
        int close = query.indexOf('"', open + 1);
        if (close < 0) {
            throw new QuerySyntaxException(query, query.length(),
                    "closing '\"' for the phrase opened at position " + open, "end of query");
        }
        i = close + 1;
        return query.substring(open + 1, close);
    }

    private Lexeme word(int start) {
        int n = query.length();
        while (i < n) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"') {
                break;
            }
            i++;
        }
        String text = query.substring(start, i);
        // field with a quoted value: author:"John Doe"
        if (text.endsWith(":") && i < n && query.charAt(i) == '"' && isFieldName(text.substring(0, text.length() - 1))) {
            text = text + '"' + readQuoted() + '"';
        }
        switch (text) {
            case "AND":
                return new Lexeme(Kind.AND, text, start, 0, false);
            case "OR":
                return new Lexeme(Kind.OR, text, start, 0, false);
            case "NOT":
                return new Lexeme(Kind.NOT, text, start, 0, false);
            default:
                break;
        }
        if (text.startsWith("NEAR") || text.startsWith("ONEAR")) {
            return near(text, start);
        }
        return new Lexeme(Kind.WORD, text, start, 0, false);
    }

    private Lexeme near(String text, int start) {
        boolean ordered = text.startsWith("O");
        int slash = ordered ? 5 : 4;
        if (text.length() == slash || text.charAt(slash) != '/') {
            throw new QuerySyntaxException(query, start + slash, "'/' and a distance after " + text.substring(0, slash)
                    + " (e.g. " + text.substring(0, slash) + "/3)", found(text.substring(slash)));
        }
        String digits = text.substring(slash + 1);
        if (digits.isEmpty() || digits.length() > 4 || !digits.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            throw new QuerySyntaxException(query, start + slash + 1, "a distance of 0 to 9999 tokens",
                    found(digits));
        }
        return new Lexeme(Kind.NEAR, text, start, Integer.parseInt(digits), ordered);
    }

    private static String found(String s) {
        return s.isEmpty() ? "nothing" : "'" + s + "'";
    }

    static boolean isFieldName(String s) {
        return PostField.byQueryName(s) != null;
    }
}
