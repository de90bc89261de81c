package dev.conversa.listening;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A parsed listening query, e.g. {@code (iberia OR #iberia) AND (refund* OR "atención al cliente") -spam}.
 * Immutable and thread-safe. See {@code docs/listening.md} for the language.
 */
public final class ListeningQuery {

    private final String source;
    private final QueryNode root;

    private ListeningQuery(String source, QueryNode root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Parses a query.
     *
     * @throws QuerySyntaxException naming the position and what was expected
     */
    public static ListeningQuery parse(String query) {
        if (query == null) {
            throw new QuerySyntaxException("", 0, "a query", "null");
        }
        return new ListeningQuery(query, QueryParser.parse(query));
    }

    /** The syntax error of {@code query}, or empty when it is valid. */
    public static Optional<QuerySyntaxException> validate(String query) {
        try {
            parse(query);
            return Optional.empty();
        } catch (QuerySyntaxException e) {
            return Optional.of(e);
        }
    }

    /** Wraps an already built tree (its terms must be normalised as {@link QueryNode} describes). */
    public static ListeningQuery of(QueryNode root) {
        return new ListeningQuery(root.toString(), root);
    }

    /** The query text as written. */
    public String source() {
        return source;
    }

    /** The syntax tree. */
    public QueryNode root() {
        return root;
    }

    /** Which terms a post needs to match this query, which are excluded, and what the matcher indexes it by. */
    public QueryExplanation explain() {
        List<Set<QueryNode>> groups = Requirements.groups(root);
        Set<QueryNode> anchors = Requirements.cheapest(groups);
        return new QueryExplanation(
                groups.stream().map(ListeningQuery::render).toList(),
                render(Requirements.excluded(root)),
                anchors == null ? Set.of() : render(anchors));
    }

    private static Set<String> render(Set<QueryNode> leaves) {
        return leaves.stream().map(QueryNode::toString).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Canonical form, fully parenthesised; parses back to an equal tree. */
    @Override
    public String toString() {
        return root.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListeningQuery q && q.root.equals(root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }
}
