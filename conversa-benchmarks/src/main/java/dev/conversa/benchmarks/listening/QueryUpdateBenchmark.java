package dev.conversa.benchmarks.listening;

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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of adding and removing one standing query (including parsing) in an index that already holds
 * 100,000 queries. Sample mode reports percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class QueryUpdateBenchmark {

    @Param({"100000"})
    public int queries;

    QueryIndex index;
    String[] extra;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        List<String> texts = new ListeningWorkload(2).queries(queries);
        index = new QueryIndex();
        for (int i = 0; i < texts.size(); i++) {
            index.add("q" + i, texts.get(i));
        }
        extra = new ListeningWorkload(3).queries(10_000).toArray(String[]::new);
    }

    /** Adds a new query (parse + compile + index). The index grows by one per call, from 100,000. */
    @Benchmark
    public void add() {
        int i = next++;
        index.add("extra-" + i, extra[i % extra.length]);
    }

    /** Removes an existing query (one of the 100,000 loaded at setup, then of the added ones). */
    @Benchmark
    public boolean addThenRemove() {
        int i = next++;
        String id = "tmp-" + i;
        index.add(id, extra[i % extra.length]);
        return index.remove(id);
    }
}
