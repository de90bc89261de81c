package dev.conversa.benchmarks.listening;

import dev.conversa.listening.ListeningQuery;
import dev.conversa.listening.QueryIndex;
import dev.conversa.listening.lucene.ListeningAnalyzer;
import dev.conversa.listening.lucene.LuceneQueries;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.TermFilteredPresearcher;

/**
 * Retained heap per standing query: heap used after full GCs, before and after loading the generated queries
 * (the query strings themselves are generated first and kept alive, so they are not counted).
 * Run: {@code java -cp conversa-benchmarks/target/benchmarks.jar dev.conversa.benchmarks.listening.ListeningMemoryReport}
 */
public final class ListeningMemoryReport {

    private ListeningMemoryReport() {
    }

    public static void main(String[] args) throws Exception {
        for (int n : new int[] {10_000, 100_000}) {
            List<String> texts = new ListeningWorkload(2).queries(n);
            long before = usedAfterGc();
            QueryIndex index = new QueryIndex();
            long start = System.nanoTime();
            for (int i = 0; i < texts.size(); i++) {
                index.add("q" + i, texts.get(i));
            }
            long loadMs = (System.nanoTime() - start) / 1_000_000;
            long after = usedAfterGc();
            System.out.printf("listening  %,7d queries: %,6d bytes/query (%,d MB total), loaded in %,d ms, %,d terms%n",
                    n, (after - before) / n, (after - before) >> 20, loadMs, index.termCount());
            index.hashCode();
        }
        if (args.length > 0 && args[0].equals("--lucene")) {
            int n = 10_000;
            List<String> texts = new ListeningWorkload(2).queries(n);
            long before = usedAfterGc();
            Monitor monitor = new Monitor(new ListeningAnalyzer(), new TermFilteredPresearcher());
            List<MonitorQuery> mqs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                mqs.add(new MonitorQuery("q" + i, LuceneQueries.query(ListeningQuery.parse(texts.get(i)).root())));
            }
            long start = System.nanoTime();
            monitor.register(mqs);
            long loadMs = (System.nanoTime() - start) / 1_000_000;
            mqs = null;
            long after = usedAfterGc();
            System.out.printf("lucene     %,7d queries: %,6d bytes/query, registered in %,d ms%n", n,
                    (after - before) / n, loadMs);
            monitor.close();
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
