package dev.conversa.listening;

import dev.conversa.listening.QueryNode.And;
import dev.conversa.listening.QueryNode.Field;
import dev.conversa.listening.QueryNode.Near;
import dev.conversa.listening.QueryNode.Not;
import dev.conversa.listening.QueryNode.Or;
import dev.conversa.listening.QueryNode.Phrase;
import dev.conversa.listening.QueryNode.Prefix;
import dev.conversa.listening.QueryNode.Term;
import dev.conversa.listening.VerifyNode.AndNode;
import dev.conversa.listening.VerifyNode.FieldNode;
import dev.conversa.listening.VerifyNode.NearNode;
import dev.conversa.listening.VerifyNode.NotNode;
import dev.conversa.listening.VerifyNode.OrNode;
import dev.conversa.listening.VerifyNode.PhraseNode;
import dev.conversa.listening.VerifyNode.Positional;
import dev.conversa.listening.VerifyNode.PositionalOr;
import dev.conversa.listening.VerifyNode.TermNode;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** Turns a {@link ListeningQuery} into a {@link CompiledQuery}: verification tree plus presearch anchors. */
final class QueryCompiler {

    private final TermRegistry terms;
    private final ToDoubleFunction<QueryNode> leafCost;

    /**
     * @param terms    term id registration
     * @param leafCost estimated frequency of a leaf in posts, used to choose the anchors
     */
    QueryCompiler(TermRegistry terms, ToDoubleFunction<QueryNode> leafCost) {
        this.terms = terms;
        this.leafCost = leafCost;
    }

    CompiledQuery compile(String id, int slot, ListeningQuery query) {
        QueryNode root = query.root();
        return new CompiledQuery(id, slot, root, compile(root), presearch(root));
    }

    /**
     * Anchors: the term ids of the cheapest required group (none when the query needs no term). Guard: the
     * cheapest of the other required groups small enough to be checked inline in a posting list, if any.
     */
    Presearch presearch(QueryNode root) {
        List<Set<QueryNode>> groups = Requirements.groups(root, leafCost);
        Set<QueryNode> anchors = Requirements.cheapest(groups, leafCost);
        if (anchors == null) {
            return Presearch.NONE;
        }
        List<Set<QueryNode>> guards = groups.stream()
                .filter(g -> g != anchors && g.size() <= Postings.GUARD_TERMS)
                .toList();
        Set<QueryNode> guard = Requirements.cheapest(guards, leafCost);
        return new Presearch(ids(anchors), guard == null ? new int[0] : ids(guard));
    }

    private int[] ids(Set<QueryNode> leaves) {
        return leaves.stream().mapToInt(this::leafId).distinct().toArray();
    }

    private int leafId(QueryNode leaf) {
        return switch (leaf) {
            case Term t -> terms.termId(t.text());
            case Prefix p -> terms.prefixId(p.prefix());
            case Field f -> terms.fieldId(f.field(), f.value());
            default -> throw new IllegalStateException("not a leaf: " + leaf);
        };
    }

    private VerifyNode compile(QueryNode node) {
        return switch (node) {
            case Term t -> new TermNode(terms.termId(t.text()));
            case Prefix p -> new TermNode(terms.prefixId(p.prefix()));
            case Field f -> new FieldNode(terms.fieldId(f.field(), f.value()));
            case Phrase p -> new PhraseNode(p.terms().stream().mapToInt(terms::termId).toArray());
            case Not n -> new NotNode(compile(n.child()));
            case Near n -> new NearNode(positional(n.left()), positional(n.right()), n.distance(), n.ordered());
            case And a -> new AndNode(a.children().stream()
                    .sorted(Comparator.comparingInt(QueryCompiler::evaluationCost))
                    .map(this::compile).toArray(VerifyNode[]::new));
            case Or o -> isPositional(o)
                    ? positional(o)
                    : new OrNode(o.children().stream()
                            .sorted(Comparator.comparingInt(QueryCompiler::evaluationCost))
                            .map(this::compile).toArray(VerifyNode[]::new));
        };
    }

    private Positional positional(QueryNode node) {
        return switch (node) {
            case Term t -> new TermNode(terms.termId(t.text()));
            case Prefix p -> new TermNode(terms.prefixId(p.prefix()));
            case Phrase p -> new PhraseNode(p.terms().stream().mapToInt(terms::termId).toArray());
            case Or o -> new PositionalOr(o.children().stream().map(this::positional).toArray(Positional[]::new));
            default -> throw new IllegalArgumentException("not positional: " + node);
        };
    }

    private static boolean isPositional(QueryNode node) {
        return switch (node) {
            case Term t -> true;
            case Prefix p -> true;
            case Phrase p -> true;
            case Or o -> o.children().stream().allMatch(QueryCompiler::isPositional);
            default -> false;
        };
    }

    /** Rough cost of evaluating a node, so cheap checks run first in AND / OR. */
    private static int evaluationCost(QueryNode node) {
        return switch (node) {
            case Term t -> 1;
            case Prefix p -> 1;
            case Field f -> 1;
            case Phrase p -> 2 + p.terms().size();
            case Not n -> 1 + evaluationCost(n.child());
            case Near n -> 10 + evaluationCost(n.left()) + evaluationCost(n.right());
            case And a -> a.children().stream().mapToInt(QueryCompiler::evaluationCost).sum();
            case Or o -> o.children().stream().mapToInt(QueryCompiler::evaluationCost).sum();
        };
    }
}
