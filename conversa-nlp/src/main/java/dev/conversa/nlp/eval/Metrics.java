package dev.conversa.nlp.eval;

import dev.conversa.nlp.SentimentLabel;

import java.util.Locale;

/**
 * Classification metrics over the three sentiment classes, from a confusion matrix
 * {@code confusion[gold][predicted]} indexed by {@link SentimentLabel#ordinal()}.
 */
public final class Metrics {

    private static final int K = 3;
    private final long[][] confusion = new long[K][K];

    public void add(SentimentLabel gold, SentimentLabel predicted) {
        confusion[gold.ordinal()][predicted.ordinal()]++;
    }

    public long count(SentimentLabel gold, SentimentLabel predicted) {
        return confusion[gold.ordinal()][predicted.ordinal()];
    }

    public long total() {
        long t = 0;
        for (long[] row : confusion) for (long v : row) t += v;
        return t;
    }

    public double accuracy() {
        long t = total();
        if (t == 0) return 0;
        long ok = 0;
        for (int i = 0; i < K; i++) ok += confusion[i][i];
        return ok / (double) t;
    }

    public double recall(SentimentLabel l) {
        int i = l.ordinal();
        long row = 0;
        for (int j = 0; j < K; j++) row += confusion[i][j];
        return row == 0 ? 0 : confusion[i][i] / (double) row;
    }

    public double precision(SentimentLabel l) {
        int j = l.ordinal();
        long col = 0;
        for (int i = 0; i < K; i++) col += confusion[i][j];
        return col == 0 ? 0 : confusion[j][j] / (double) col;
    }

    public double f1(SentimentLabel l) {
        double p = precision(l), r = recall(l);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /** Mean of the per-class F1 over the classes present in gold or predictions. */
    public double macroF1() {
        double s = 0;
        int n = 0;
        for (SentimentLabel l : SentimentLabel.values()) {
            if (present(l)) {
                s += f1(l);
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    /** Mean of the per-class recall over the classes present in gold. */
    public double macroRecall() {
        double s = 0;
        int n = 0;
        for (SentimentLabel l : SentimentLabel.values()) {
            int i = l.ordinal();
            long row = 0;
            for (int j = 0; j < K; j++) row += confusion[i][j];
            if (row > 0) {
                s += recall(l);
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    private boolean present(SentimentLabel l) {
        int c = l.ordinal();
        for (int k = 0; k < K; k++) {
            if (confusion[c][k] > 0 || confusion[k][c] > 0) return true;
        }
        return false;
    }

    /** Confusion matrix as a Markdown table (rows gold, columns predicted). */
    public String confusionMarkdown() {
        StringBuilder b = new StringBuilder("| gold \\ predicted | negative | neutral | positive |\n|---|---:|---:|---:|\n");
        for (SentimentLabel g : SentimentLabel.values()) {
            b.append("| ").append(g.lowerCaseName());
            for (SentimentLabel p : SentimentLabel.values()) b.append(" | ").append(count(g, p));
            b.append(" |\n");
        }
        return b.toString();
    }

    /** Compact form: "acc 0.712 macroF1 0.654 macroRecall 0.667 recall neg/neu/pos 0.81/0.52/0.67". */
    public String summary() {
        return String.format(Locale.ROOT, "acc %.3f macroF1 %.3f macroRecall %.3f recall neg/neu/pos %.3f/%.3f/%.3f n=%d",
                accuracy(), macroF1(), macroRecall(), recall(SentimentLabel.NEGATIVE), recall(SentimentLabel.NEUTRAL),
                recall(SentimentLabel.POSITIVE), total());
    }

    @Override
    public String toString() {
        return summary();
    }
}
