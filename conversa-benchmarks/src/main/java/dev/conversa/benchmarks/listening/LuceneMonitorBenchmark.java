package dev.conversa.benchmarks.listening;

import dev.conversa.listening.ListeningQuery;
import dev.conversa.listening.lucene.ListeningAnalyzer;
import dev.conversa.listening.lucene.LuceneQueries;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same workload through Lucene Monitor (the baseline): the same query strings, parsed by the listening parser
 * and translated to equivalent Lucene queries, posts analysed by the same tokenizer.
 *
 * <p>Posts are matched in batches with {@code Monitor.match(Document[], QueryMatch.SIMPLE_MATCHER)}, which is how
 * high-volume users run Monitor: a batch is indexed once and every candidate query runs once against the whole
 * batch, so the per-query cost is shared by the batch's posts. {@code batch=1} is one post at a time
 * ({@code match(Document, ...)} wraps the post in a one-element array). One operation = one batch; the
 * {@code posts} counter is posts per second, the figure to compare with {@link ListeningMatcherBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class LuceneMonitorBenchmark {

    static final int POSTS = ListeningMatcherBenchmark.POSTS;

    @Param({"1000", "10000"})
    public int queries;

    @Param({"term", "multipass"})
    public String presearcher;

    /** Posts per {@code Monitor.match(Document[], ...)} call. */
    @Param({"1", "64", "1024", "16384"})
    public int batch;

    Document[] docs;
    Monitor monitor;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        docs = new ListeningWorkload(1).posts(POSTS).stream().map(LuceneQueries::document).toArray(Document[]::new);
        Presearcher p = presearcher.equals("term") ? new TermFilteredPresearcher()
                : new MultipassTermFilteredPresearcher(2);
        monitor = new Monitor(new ListeningAnalyzer(), p);
        List<String> texts = new ListeningWorkload(2).queries(queries);
        List<MonitorQuery> mqs = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            mqs.add(new MonitorQuery("q" + i, LuceneQueries.query(ListeningQuery.parse(texts.get(i)).root())));
        }
        monitor.register(mqs);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        monitor.close();
    }

    /** Per-thread position in the post list, the thread's batch array and its posts counter. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Cursor {
        int next;
        Document[] batch;
        /** Posts matched; JMH reports it per second. */
        public long posts;

        @Setup(Level.Trial)
        public void setUp(LuceneMonitorBenchmark benchmark) {
            next = (int) (Thread.currentThread().threadId() * 7919 % POSTS);
            batch = new Document[benchmark.batch];
        }

        @Setup(Level.Iteration)
        public void resetCounter() {
            posts = 0;
        }
    }

    @Benchmark
    @Threads(1)
    public int oneThread(Cursor cursor) throws IOException {
        return match(cursor);
    }

    @Benchmark
    @Threads(2)
    public int twoThreads(Cursor cursor) throws IOException {
        return match(cursor);
    }

    private int match(Cursor cursor) throws IOException {
        Document[] b = cursor.batch;
        int i = cursor.next;
        for (int k = 0; k < b.length; k++) {
            b[k] = docs[i];
            i = i + 1 == POSTS ? 0 : i + 1;
        }
        cursor.next = i;
        MultiMatchingQueries<QueryMatch> result = monitor.match(b, QueryMatch.SIMPLE_MATCHER);
        int matches = 0;
        for (int k = 0; k < b.length; k++) {
            matches += result.getMatchCount(k);
        }
        cursor.posts += b.length;
        return matches;
    }
}
