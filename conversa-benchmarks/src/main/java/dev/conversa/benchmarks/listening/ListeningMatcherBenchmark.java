package dev.conversa.benchmarks.listening;

import dev.conversa.listening.Post;
import dev.conversa.listening.QueryIndex;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Posts per second through the listening {@link QueryIndex} (full API: matches with highlight offsets), with
 * 1,000 / 10,000 / 100,000 standing queries, on one and on two threads. One operation = one post.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class ListeningMatcherBenchmark {

    static final int POSTS = 20_000;

    @Param({"1000", "10000", "100000"})
    public int queries;

    /** Whether to learn term frequencies from a separate warm-up stream and re-anchor queries before measuring. */
    @Param({"true"})
    public boolean rebalance;

    Post[] posts;
    QueryIndex index;

    @Setup(Level.Trial)
    public void setUp() {
        posts = new ListeningWorkload(1).posts(POSTS).toArray(Post[]::new);
        List<String> texts = new ListeningWorkload(2).queries(queries);
        index = new QueryIndex();
        for (int i = 0; i < texts.size(); i++) {
            index.add("q" + i, texts.get(i));
        }
        int rebalanced = 0;
        if (rebalance) {
            // what a running index has seen: a different sample of the same stream
            for (Post p : new ListeningWorkload(3).posts(40_000)) {
                index.match(p);
            }
            rebalanced = index.rebalance();
        }
        long matches = 0;
        for (Post p : posts) {
            matches += index.match(p).size();
        }
        System.out.printf("%n[listening] %,d queries, %,d terms, %,d re-anchored, %.2f matches per post%n", queries,
                index.termCount(), rebalanced, matches / (double) posts.length);
    }

    /** Per-thread position in the post list. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void setUp() {
            next = (int) (Thread.currentThread().threadId() * 7919 % POSTS);
        }
    }

    @Benchmark
    @Threads(1)
    public int oneThread(Cursor cursor) {
        return match(cursor);
    }

    @Benchmark
    @Threads(2)
    public int twoThreads(Cursor cursor) {
        return match(cursor);
    }

    private int match(Cursor cursor) {
        int i = cursor.next;
        cursor.next = i + 1 == POSTS ? 0 : i + 1;
        return index.match(posts[i]).size();
    }
}
