package dev.conversa.listening;

import dev.conversa.listening.QueryLexer.Kind;
import dev.conversa.listening.QueryLexer.Lexeme;
import dev.conversa.listening.QueryNode.And;
import dev.conversa.listening.QueryNode.Field;
import dev.conversa.listening.QueryNode.Near;
import dev.conversa.listening.QueryNode.Not;
import dev.conversa.listening.QueryNode.Or;
import dev.conversa.listening.QueryNode.Phrase;
import dev.conversa.listening.QueryNode.Prefix;
import dev.conversa.listening.QueryNode.Term;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser. Precedence, loosest first: {@code OR}, {@code AND} (also implicit, by juxtaposition),
 * unary {@code NOT} / {@code -}, {@code NEAR/n} / {@code ONEAR/n}.
 *
 * <pre>
 * query   = or END
 * or      = and { "OR" and }
 * and     = unary { ["AND"] unary }
 * unary   = ("NOT" | "-") unary | near
 * near    = primary [ ("NEAR/n" | "ONEAR/n") primary ]
 * primary = "(" or ")" | "\"phrase\"" | word | prefix* | field:value
 * </pre>
 */
final class QueryParser {

    static final int MIN_PREFIX_CHARS = 2;
    static final int MAX_PREFIX_CHARS = 60;
    /**
     * Deepest nesting of parentheses and NOTs accepted. The parser, the compiler and the matcher all recurse over the
     * tree, so an unbounded depth would end in a StackOverflowError long before the query's length limit; real
     * queries nest a handful of levels.
     */
    static final int MAX_DEPTH = 100;
    private static final String OPERAND = "a term, phrase or '('";

    private final String query;
    private final List<Lexeme> lexemes;
    private int next;
    private int depth;

    private QueryParser(String query) {
        this.query = query;
        this.lexemes = QueryLexer.lex(query);
    }

    static QueryNode parse(String query) {
        QueryParser parser = new QueryParser(query);
        QueryNode root = parser.or();
        Lexeme end = parser.peek();
        if (end.kind() != Kind.END) {
            throw parser.error(end, end.kind() == Kind.NEAR
                    ? "AND, OR or end of query (NEAR cannot be chained)"
                    : "AND, OR, NOT or end of query");
        }
        return root;
    }

    private Lexeme peek() {
        return lexemes.get(next);
    }

    private Lexeme take() {
        return lexemes.get(next++);
    }

    private QuerySyntaxException error(Lexeme at, String expected) {
        return new QuerySyntaxException(query, at.position(), expected, at.describe());
    }

    private QueryNode or() {
        List<QueryNode> children = new ArrayList<>();
        children.add(and());
        while (peek().kind() == Kind.OR) {
            take();
            children.add(and());
        }
        return children.size() == 1 ? children.get(0) : new Or(flatten(children, true));
    }

    private QueryNode and() {
        List<QueryNode> children = new ArrayList<>();
        children.add(unary());
        while (true) {
            Kind k = peek().kind();
            if (k == Kind.AND) {
                take();
                children.add(unary());
            } else if (startsUnary(k)) {
                children.add(unary());
            } else {
                break;
            }
        }
        return children.size() == 1 ? children.get(0) : new And(flatten(children, false));
    }

    private static boolean startsUnary(Kind k) {
        return k == Kind.NOT || k == Kind.MINUS || k == Kind.LPAREN || k == Kind.QUOTED || k == Kind.WORD;
    }

    private static List<QueryNode> flatten(List<QueryNode> children, boolean or) {
        List<QueryNode> out = new ArrayList<>();
        for (QueryNode c : children) {
            if (or && c instanceof Or o) {
                out.addAll(o.children());
            } else if (!or && c instanceof And a) {
                out.addAll(a.children());
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private QueryNode unary() {
        Kind k = peek().kind();
        if (k == Kind.NOT || k == Kind.MINUS) {
            Lexeme not = take();
            enter(not);
            QueryNode negated = new Not(unary());
            depth--;
            return negated;
        }
        return near();
    }

    private void enter(Lexeme at) {
        if (++depth > MAX_DEPTH) {
            throw new QuerySyntaxException(query, at.position(), "at most " + MAX_DEPTH + " levels of '(' and NOT",
                    at.describe() + " nesting deeper than " + MAX_DEPTH);
        }
    }

    private QueryNode near() {
        Lexeme leftAt = peek();
        QueryNode left = primary();
        if (peek().kind() != Kind.NEAR) {
            return left;
        }
        Lexeme op = take();
        Lexeme rightAt = peek();
        QueryNode right = primary();
        requirePositional(left, leftAt);
        requirePositional(right, rightAt);
        return new Near(left, right, op.distance(), op.ordered());
    }

    private void requirePositional(QueryNode node, Lexeme at) {
        if (!isPositional(node)) {
            throw error(at, "a term, phrase, wildcard or OR-group of those as NEAR operand");
        }
    }

    private static boolean isPositional(QueryNode node) {
        return switch (node) {
            case Term t -> true;
            case Phrase p -> true;
            case Prefix p -> true;
            case Or o -> o.children().stream().allMatch(QueryParser::isPositional);
            default -> false;
        };
    }

    private QueryNode primary() {
        Lexeme lx = take();
        switch (lx.kind()) {
            case LPAREN -> {
                enter(lx);
                QueryNode inner = or();
                depth--;
                Lexeme close = peek();
                if (close.kind() != Kind.RPAREN) {
                    throw error(close, "')' to close the '(' at position " + lx.position());
                }
                take();
                return inner;
            }
            case QUOTED -> {
                return textNode(lx.text(), lx, "a phrase with at least one word");
            }
            case WORD -> {
                return word(lx);
            }
            default -> throw error(lx, OPERAND);
        }
    }

    private QueryNode word(Lexeme lx) {
        String text = lx.text();
        int colon = text.indexOf(':');
        if (colon > 0 && !text.startsWith("//", colon + 1) && allLetters(text, colon)) {
            return field(lx, text.substring(0, colon), text.substring(colon + 1));
        }
        int star = text.indexOf('*');
        if (star >= 0) {
            if (star != text.length() - 1) {
                throw new QuerySyntaxException(query, lx.position() + star, "'*' only at the end of a word",
                        "'" + text + "'");
            }
            return prefix(lx, text.substring(0, star));
        }
        return textNode(text, lx, "a search term");
    }

    private static boolean allLetters(String s, int end) {
        for (int i = 0; i < end; i++) {
            if (!Character.isLetter(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private QueryNode field(Lexeme lx, String name, String rawValue) {
        PostField field = PostField.byQueryName(name);
        if (field == null) {
            throw new QuerySyntaxException(query, lx.position(), "a field name (lang, author, country, site, source)",
                    "'" + name + "'");
        }
        if (rawValue.length() >= 2 && rawValue.startsWith("\"") && rawValue.endsWith("\"")) {
            rawValue = rawValue.substring(1, rawValue.length() - 1);
        }
        String value = field.normalize(rawValue);
        if (value.isEmpty()) {
            throw new QuerySyntaxException(query, lx.position() + name.length() + 1,
                    "a value after '" + name + ":'", rawValue.isEmpty() ? "nothing" : "'" + rawValue + "'");
        }
        return new Field(field, value);
    }

    private QueryNode prefix(Lexeme lx, String body) {
        List<Token> tokens = queryTokens(body);
        if (tokens.size() != 1) {
            throw new QuerySyntaxException(query, lx.position(), "a single word before '*'", "'" + body + "'");
        }
        String prefix = tokens.get(0).term();
        if (prefix.length() < MIN_PREFIX_CHARS || prefix.length() > MAX_PREFIX_CHARS) {
            throw new QuerySyntaxException(query, lx.position(), MIN_PREFIX_CHARS + " to " + MAX_PREFIX_CHARS
                    + " characters before '*'", "'" + body + "'");
        }
        return new Prefix(prefix);
    }

    private QueryNode textNode(String text, Lexeme lx, String expected) {
        List<Token> tokens = queryTokens(text);
        if (tokens.isEmpty()) {
            throw new QuerySyntaxException(query, lx.position(), expected, lx.describe());
        }
        if (tokens.size() == 1) {
            return new Term(tokens.get(0).term());
        }
        return new Phrase(tokens.stream().map(Token::term).toList());
    }

    /** Tokens of query text: the main token of each position (no bare-word twins of hashtags). */
    private static List<Token> queryTokens(String text) {
        List<Token> out = new ArrayList<>();
        TokenCursor cursor = new TokenCursor().reset(text);
        while (cursor.next()) {
            out.add(new Token(cursor.term(), cursor.type(), cursor.start(), cursor.end(), cursor.position()));
        }
        return out;
    }
}
