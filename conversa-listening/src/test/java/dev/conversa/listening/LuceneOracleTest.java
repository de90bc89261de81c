package dev.conversa.listening;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.listening.oracle.MonitorOracle;
import dev.conversa.listening.oracle.OracleWorkload;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Randomised differential test: 10,000 generated queries × 100,000 generated posts must produce exactly the same
 * match sets in {@link QueryIndex} and in Lucene Monitor (with an analyzer wrapping the same tokenizer).
 * Sizes can be lowered for quick local runs with {@code -Doracle.queries=… -Doracle.posts=…}.
 */
class LuceneOracleTest {

    static final int QUERIES = Integer.getInteger("oracle.queries", 10_000);
    static final int POSTS = Integer.getInteger("oracle.posts", 100_000);

    @Test
    void generatedQueriesAndPostsMatchExactlyLikeLuceneMonitor() throws Exception {
        OracleWorkload workload = new OracleWorkload(20240607L);
        Map<String, ListeningQuery> queries = new LinkedHashMap<>();
        List<ListeningQuery> generated = workload.queries(QUERIES);
        for (int i = 0; i < generated.size(); i++) {
            queries.put("q" + i, generated.get(i));
        }
        try (MonitorOracle oracle = new MonitorOracle(queries)) {
            // first fifth with heuristic anchors, then re-anchored on observed term frequencies
            List<Post> posts = workload.posts(POSTS);
            List<MonitorOracle.Disagreement> disagreements = new java.util.ArrayList<>(
                    oracle.compare(posts.subList(0, POSTS / 5), 2));
            int reanchored = oracle.rebalanceListening();
            if (POSTS / 5 / TermStatistics.SAMPLE_EVERY >= TermStatistics.MIN_SAMPLES) {
                assertThat(reanchored).isPositive();
            }
            disagreements.addAll(oracle.compare(posts.subList(POSTS / 5, POSTS), 2));
            assertThat(disagreements).as(() -> oracle.describe(disagreements, 15)).isEmpty();
            // the workload must be meaningful: plenty of matches, but not everything matching everything
            assertThat(oracle.listeningMatches()).isGreaterThan(POSTS);
            assertThat(oracle.listeningMatches()).isLessThan((long) POSTS * QUERIES / 10);
            System.out.printf("oracle: %,d queries x %,d posts, %,d matches, identical%n", QUERIES, POSTS,
                    oracle.listeningMatches());
        }
    }
}
