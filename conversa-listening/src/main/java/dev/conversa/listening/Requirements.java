package dev.conversa.listening;

import dev.conversa.listening.QueryNode.And;
import dev.conversa.listening.QueryNode.Field;
import dev.conversa.listening.QueryNode.Near;
import dev.conversa.listening.QueryNode.Not;
import dev.conversa.listening.QueryNode.Or;
import dev.conversa.listening.QueryNode.Phrase;
import dev.conversa.listening.QueryNode.Prefix;
import dev.conversa.listening.QueryNode.Term;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * Derives the terms a query requires: a list of groups such that any matching post contains at least one leaf
 * (Term, Prefix or Field) of every group. Used by {@code explain()} and to choose the presearch anchors.
 */
final class Requirements {

    private static final Set<String> COMMON_WORDS = Set.of(
            "the", "a", "an", "and", "or", "to", "of", "in", "on", "for", "is", "it", "i", "you", "my", "me", "we",
            "be", "at", "this", "that", "with", "not", "no", "so", "just", "are", "was", "have", "but", "your",
            "de", "la", "el", "que", "y", "en", "los", "las", "un", "una", "por", "con", "para", "es", "lo", "se",
            "mi", "del", "al", "te", "si", "ya", "le", "su", "muy", "pero", "como", "mas");

    private Requirements() {
    }

    /** Required groups of {@code node}; empty when the node can match without any term (e.g. {@code NOT x}). */
    static List<Set<QueryNode>> groups(QueryNode node) {
        return groups(node, Requirements::cost);
    }

    /**
     * Required groups of {@code node}, choosing for each OR the cheapest group of each alternative by
     * {@code leafCost}.
     */
    static List<Set<QueryNode>> groups(QueryNode node, ToDoubleFunction<QueryNode> leafCost) {
        return switch (node) {
            case Term t -> List.of(Set.of(t));
            case Prefix p -> List.of(Set.of(p));
            case Field f -> List.of(Set.of(f));
            case Phrase p -> p.terms().stream().distinct().map(w -> Set.<QueryNode>of(new Term(w))).toList();
            case Not n -> List.of();
            case And a -> {
                List<Set<QueryNode>> all = new ArrayList<>();
                for (QueryNode child : a.children()) {
                    for (Set<QueryNode> g : groups(child, leafCost)) {
                        if (!all.contains(g)) {
                            all.add(g);
                        }
                    }
                }
                yield all;
            }
            case Near n -> {
                List<Set<QueryNode>> all = new ArrayList<>(groups(n.left(), leafCost));
                for (Set<QueryNode> g : groups(n.right(), leafCost)) {
                    if (!all.contains(g)) {
                        all.add(g);
                    }
                }
                yield all;
            }
            case Or o -> {
                Set<QueryNode> union = new LinkedHashSet<>();
                for (QueryNode child : o.children()) {
                    Set<QueryNode> cheapest = cheapest(groups(child), leafCost);
                    if (cheapest == null) {
                        yield List.of();
                    }
                    union.addAll(cheapest);
                }
                yield List.of(union);
            }
        };
    }

    /** The group with the lowest estimated post frequency (static heuristic), or {@code null} if there is none. */
    static Set<QueryNode> cheapest(List<Set<QueryNode>> groups) {
        return cheapest(groups, Requirements::cost);
    }

    /** The group with the lowest total leaf cost, or {@code null} if there is none. */
    static Set<QueryNode> cheapest(List<Set<QueryNode>> groups, ToDoubleFunction<QueryNode> leafCost) {
        Set<QueryNode> best = null;
        double bestCost = Double.MAX_VALUE;
        for (Set<QueryNode> group : groups) {
            double cost = 0;
            for (QueryNode leaf : group) {
                cost += leafCost.applyAsDouble(leaf);
            }
            if (cost < bestCost) {
                best = group;
                bestCost = cost;
            }
        }
        return best;
    }

    /** Leaves that appear under a NOT. */
    static Set<QueryNode> excluded(QueryNode node) {
        Set<QueryNode> out = new LinkedHashSet<>();
        collectExcluded(node, false, out);
        return out;
    }

    private static void collectExcluded(QueryNode node, boolean negated, Set<QueryNode> out) {
        switch (node) {
            case Not n -> collectExcluded(n.child(), true, out);
            case And a -> a.children().forEach(c -> collectExcluded(c, negated, out));
            case Or o -> o.children().forEach(c -> collectExcluded(c, negated, out));
            case Near n -> {
                collectExcluded(n.left(), negated, out);
                collectExcluded(n.right(), negated, out);
            }
            default -> {
                if (negated) {
                    out.add(node);
                }
            }
        }
    }

    /** Heuristic estimate of how often a leaf occurs in posts (lower is rarer). */
    static double cost(QueryNode leaf) {
        return switch (leaf) {
            case Term t -> COMMON_WORDS.contains(t.text()) ? 20 : t.text().length() <= 3 ? 3 : 1;
            case Prefix p -> p.prefix().length() <= 3 ? 8 : p.prefix().length() <= 4 ? 3 : 1.5;
            case Field f -> f.field() == PostField.AUTHOR || f.field() == PostField.SITE ? 1 : 50;
            default -> 100;
        };
    }
}
