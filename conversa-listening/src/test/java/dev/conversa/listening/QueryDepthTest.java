package dev.conversa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 15: deep nesting is a syntax error with a position, never a StackOverflowError. */
class QueryDepthTest {

    private static String nested(int depth, String inner) {
        return "(".repeat(depth) + inner + ")".repeat(depth);
    }

    @Test
    void elevenHundredParenthesesAreASyntaxErrorAtTheFirstTooDeepOne() {
        String query = nested(1_100, "refund");
        assertThat(query.length()).isLessThan(4_000);
        assertThatThrownBy(() -> ListeningQuery.parse(query))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(QueryParser.MAX_DEPTH);
                    assertThat(e.getMessage()).isEqualTo("Expected at most 100 levels of '(' and NOT at position 100"
                            + " but found '(' nesting deeper than 100");
                });
        assertThat(ListeningQuery.validate(query)).isPresent();
    }

    @Test
    void aChainOfNotsCountsAsNesting() {
        String query = "NOT ".repeat(1_000) + "refund";
        assertThatThrownBy(() -> ListeningQuery.parse(query))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.position()).isEqualTo(4 * QueryParser.MAX_DEPTH);
                    assertThat(e.getMessage()).contains("nesting deeper than 100");
                });
        // "-(" is two levels: 50 of them are the limit, the 51st '-' is one too many
        assertThat(ListeningQuery.validate("-(".repeat(50) + "refund" + ")".repeat(50))).isEmpty();
        assertThat(ListeningQuery.validate("-(".repeat(51) + "refund" + ")".repeat(51))).hasValueSatisfying(e -> {
            assertThat(e.position()).isEqualTo(100);
            assertThat(e.found()).isEqualTo("'-' nesting deeper than 100");
        });
    }

    @Test
    void exactlyTheLimitStillParsesCompilesAndMatches() {
        assertThat(ListeningQuery.parse(nested(QueryParser.MAX_DEPTH, "refund")).root()).isEqualTo(new QueryNode.Term("refund"));

        // alternating AND/OR groups keep every level in the tree, so the compiler and matcher recurse 100 deep too
        StringBuilder deep = new StringBuilder("refund");
        for (int level = 1; level < QueryParser.MAX_DEPTH; level++) {
            deep.insert(0, (level % 2 == 0 ? "(x" + level + " AND " : "(x" + level + " OR ")).append(')');
        }
        String query = "(" + deep + ")";
        assertThat(ListeningQuery.validate(query)).isEmpty();
        QueryIndex index = new QueryIndex();
        index.add("deep", query);
        assertThat(index.match(Post.of("x99 refund"))).isNotNull();
        assertThat(ListeningQuery.validate("(" + query + ")")).hasValueSatisfying(
                e -> assertThat(e.getMessage()).contains("nesting deeper than 100"));
    }
}
