package dev.conversa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.conversa.listening.oracle.MonitorOracle;
import dev.conversa.listening.oracle.OracleWorkload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Differential test on real tweets (Spanish and English) from {@code ../shared/data/sentiment/*.tsv}, read at test
 * time (research-only data, never committed). Queries are generated from the tweets' own vocabulary so that they
 * match. Skipped when the data folder is absent.
 */
class RealTweetsOracleTest {

    @Test
    void realTweetsMatchExactlyLikeLuceneMonitor() throws Exception {
        Path dir = Path.of(System.getProperty("conversa.shared.data", "../shared/data")).resolve("sentiment");
        assumeTrue(Files.isDirectory(dir), "shared data not available: " + dir);
        List<Post> posts = readTweets(dir);
        assumeTrue(!posts.isEmpty(), "no tweets in " + dir);

        OracleWorkload workload = new OracleWorkload(99L, frequentWords(posts));
        Map<String, ListeningQuery> queries = new LinkedHashMap<>();
        List<ListeningQuery> generated = workload.queries(10_000);
        for (int i = 0; i < generated.size(); i++) {
            queries.put("t" + i, generated.get(i));
        }
        try (MonitorOracle oracle = new MonitorOracle(queries)) {
            List<MonitorOracle.Disagreement> disagreements = oracle.compare(posts, 2);
            assertThat(disagreements).as(() -> oracle.describe(disagreements, 15)).isEmpty();
            assertThat(oracle.listeningMatches()).isGreaterThan(posts.size());
            System.out.printf("real tweets oracle: %,d queries x %,d tweets, %,d matches, identical%n",
                    queries.size(), posts.size(), oracle.listeningMatches());
        }
    }

    private static List<Post> readTweets(Path dir) throws IOException {
        List<Post> posts = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                String lang = file.getFileName().toString().substring(0, 2);
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    int tab = line.indexOf('\t');
                    if (tab > 0) {
                        posts.add(new Post(line.substring(tab + 1), lang, null, null, "twitter.com", "twitter"));
                    }
                }
            }
        }
        return posts;
    }

    /** Words of the tweets, by frequency, skipping the most frequent ones (queries should be selective). */
    private static String[] frequentWords(List<Post> posts) {
        Map<String, Integer> counts = new HashMap<>();
        TokenCursor cursor = new TokenCursor();
        for (Post p : posts) {
            cursor.reset(p.text());
            while (cursor.next()) {
                if (cursor.type() == TokenType.WORD && cursor.termLength() >= 3) {
                    counts.merge(cursor.term(), 1, Integer::sum);
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .skip(100).limit(4000).map(Map.Entry::getKey).toArray(String[]::new);
    }
}
