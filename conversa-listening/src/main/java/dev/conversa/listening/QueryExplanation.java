package dev.conversa.listening;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a query needs from a post, as reported by {@link ListeningQuery#explain()}.
 *
 * @param requiredAnyOf groups of terms: a post can only match if it contains at least one term of every group
 *                      (terms are rendered in query syntax: {@code refund*}, {@code lang:es}, {@code #iberia})
 * @param excluded      terms that appear under a {@code NOT}
 * @param anchors       the group the matcher indexes the query under (the cheapest required group), empty when
 *                      the query needs no term at all and is checked against every post (e.g. {@code NOT spam})
 */
public record QueryExplanation(List<Set<String>> requiredAnyOf, Set<String> excluded, Set<String> anchors) {

    public QueryExplanation {
        requiredAnyOf = requiredAnyOf.stream().map(QueryExplanation::ordered).toList();
        excluded = ordered(excluded);
        anchors = ordered(anchors);
    }

    private static Set<String> ordered(Set<String> set) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    /** Whether the query can match a post that contains none of its terms (it is checked against every post). */
    public boolean matchesWithoutTerms() {
        return requiredAnyOf.isEmpty();
    }

    /** Human-readable summary, e.g. {@code requires: (iberia OR #iberia) AND refund*; excludes: spam}. */
    public String describe() {
        String required = requiredAnyOf.isEmpty() ? "nothing (checked against every post)"
                : requiredAnyOf.stream()
                        .map(g -> g.size() == 1 ? g.iterator().next() : "(" + String.join(" OR ", g) + ")")
                        .collect(Collectors.joining(" AND "));
        return "requires: " + required + (excluded.isEmpty() ? "" : "; excludes: " + String.join(", ", excluded));
    }
}
