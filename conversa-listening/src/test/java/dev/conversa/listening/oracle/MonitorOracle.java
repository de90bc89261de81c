package dev.conversa.listening.oracle;

import dev.conversa.listening.ListeningQuery;
import dev.conversa.listening.Post;
import dev.conversa.listening.QueryIndex;
import dev.conversa.listening.QueryMatch;
import dev.conversa.listening.lucene.ListeningAnalyzer;
import dev.conversa.listening.lucene.LuceneQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/** Runs the same queries through {@link QueryIndex} and Lucene Monitor and reports every disagreement. */
public final class MonitorOracle implements AutoCloseable {

    /** One post on which the two matchers disagree. */
    public record Disagreement(Post post, Set<String> onlyLucene, Set<String> onlyListening) {
    }

    private static final int BATCH = 2000;

    private final Map<String, ListeningQuery> queries;
    private final QueryIndex index = new QueryIndex();
    private final Monitor monitor;
    private final java.util.concurrent.atomic.LongAdder listeningMatches = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder luceneMatches = new java.util.concurrent.atomic.LongAdder();

    public MonitorOracle(Map<String, ListeningQuery> queries) throws IOException {
        this.queries = queries;
        this.monitor = new Monitor(new ListeningAnalyzer(), new TermFilteredPresearcher());
        List<MonitorQuery> mqs = new ArrayList<>();
        for (var e : queries.entrySet()) {
            index.add(e.getKey(), e.getValue());
            mqs.add(new MonitorQuery(e.getKey(), LuceneQueries.query(e.getValue().root())));
        }
        monitor.register(mqs);
    }

    /**
     * Matches all posts with both, batches in parallel on {@code threads} threads; returns the disagreements
     * (empty when the match sets are identical).
     */
    public List<Disagreement> compare(List<Post> posts, int threads) throws InterruptedException {
        List<List<Post>> batches = new ArrayList<>();
        for (int from = 0; from < posts.size(); from += BATCH) {
            batches.add(posts.subList(from, Math.min(posts.size(), from + BATCH)));
        }
        List<Disagreement> out = java.util.Collections.synchronizedList(new ArrayList<>());
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(threads)) {
            List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
            for (List<Post> batch : batches) {
                futures.add(pool.submit(() -> compareBatch(batch, out)));
            }
            for (var f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        return out;
    }

    private void compareBatch(List<Post> batch, List<Disagreement> out) {
        {
            Document[] docs = batch.stream().map(LuceneQueries::document).toArray(Document[]::new);
            MultiMatchingQueries<org.apache.lucene.monitor.QueryMatch> lucene;
            try {
                lucene = monitor.match(docs, org.apache.lucene.monitor.QueryMatch.SIMPLE_MATCHER);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (int i = 0; i < batch.size(); i++) {
                Set<String> expected = new HashSet<>();
                for (var m : lucene.getMatches(i)) {
                    expected.add(m.getQueryId());
                }
                Set<String> actual = new HashSet<>();
                for (QueryMatch m : index.match(batch.get(i))) {
                    actual.add(m.queryId());
                }
                luceneMatches.add(expected.size());
                listeningMatches.add(actual.size());
                if (!expected.equals(actual)) {
                    Set<String> onlyLucene = new TreeSet<>(expected);
                    onlyLucene.removeAll(actual);
                    Set<String> onlyListening = new TreeSet<>(actual);
                    onlyListening.removeAll(expected);
                    out.add(new Disagreement(batch.get(i), onlyLucene, onlyListening));
                }
            }
        }
    }

    /** Re-anchors the listening index's queries from the term statistics it has gathered so far. */
    public int rebalanceListening() {
        return index.rebalance();
    }

    public long listeningMatches() {
        return listeningMatches.sum();
    }

    public long luceneMatches() {
        return luceneMatches.sum();
    }

    /** A readable report of the first disagreements. */
    public String describe(List<Disagreement> disagreements, int limit) {
        StringBuilder sb = new StringBuilder(disagreements.size() + " posts disagree\n");
        for (Disagreement d : disagreements.subList(0, Math.min(limit, disagreements.size()))) {
            sb.append("post: ").append(d.post()).append('\n');
            d.onlyLucene().forEach(id -> sb.append("  only Lucene:    ").append(queries.get(id)).append('\n'));
            d.onlyListening().forEach(id -> sb.append("  only listening: ").append(queries.get(id)).append('\n'));
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        monitor.close();
    }
}
