package dev.conversa.nlp.train;

import dev.conversa.nlp.LanguageDetector;
import dev.conversa.nlp.LanguageGuess;
import dev.conversa.nlp.SentimentAnalyzer;
import dev.conversa.nlp.SentimentLabel;
import dev.conversa.nlp.eval.Metrics;
import dev.conversa.nlp.lexicon.RuleBasedSentimentAnalyzer;
import dev.conversa.nlp.lexicon.SentimentLexicons;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains a workspace's {@link SentimentModel} from labelled texts (agents' corrections, labelled files):
 * per language, multinomial logistic regression (AdaGrad, class-balanced) over hashed word uni/bigrams,
 * negation-marked words, character 2-4-grams and the shipped lexicon's scores. Each language's data is split
 * (stratified by label, seeded) into a training part and a held-out part, on which each language's new model is
 * compared with the current analyzer ({@link AdoptionGate}: better on macro-F1 and negative recall beyond noise, or
 * the current analyzer keeps that language); the caller switches to the new model only if
 * {@link TrainingResult#adopted()}, i.e. at least one language passed. Thread-safe; one call uses one thread.
 */
public final class SentimentTrainer {

    private static final int MIN_GRAM = 2;
    private static final int MAX_GRAM = 4;

    private final LanguageDetector detector;

    /** @param detector used for examples without a language; null puts them under "und" */
    public SentimentTrainer(LanguageDetector detector) {
        this.detector = detector;
    }

    /** Trains and compares against the shipped default analyzer. */
    public TrainingResult train(List<LabelledText> data, TrainingOptions options) {
        return train(data, options, SentimentLexicons.shippedDefault());
    }

    /**
     * @param current the analyzer in use now (the shipped default or the workspace's previous model); it is
     *                evaluated on the same held-out part and handles the languages the new model has no data for
     */
    public TrainingResult train(List<LabelledText> data, TrainingOptions options, SentimentAnalyzer current) {
        long start = System.nanoTime();
        Map<String, List<LabelledText>> byLanguage = new TreeMap<>();
        for (LabelledText t : data) {
            String lang = t.language();
            if (lang == null) {
                lang = detector == null ? LanguageGuess.UNKNOWN_CODE : detector.detect(t.text()).code();
            }
            byLanguage.computeIfAbsent(lang, k -> new ArrayList<>()).add(t.withLanguage(lang));
        }
        RuleBasedSentimentAnalyzer lexicon = SentimentLexicons.shippedDefault();
        FeatureExtractor fx = new FeatureExtractor(options.hashBits(), MIN_GRAM, MAX_GRAM);
        Map<String, LinearModel> models = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<LabelledText> heldOut = new ArrayList<>();
        List<AdoptionGate.Decision> decisions = new ArrayList<>();
        for (Map.Entry<String, List<LabelledText>> e : byLanguage.entrySet()) {
            String lang = e.getKey();
            List<LabelledText> all = e.getValue();
            counts.put(lang, all.size());
            List<List<LabelledText>> parts = split(all, options);
            List<LabelledText> held = parts.get(2);
            heldOut.addAll(held);
            if (all.size() < options.minExamplesPerLanguage() || LanguageGuess.UNKNOWN_CODE.equals(lang)) {
                continue;
            }
            LinearModel candidate = trainLanguage(fx, lexicon, parts.get(0), lang, options);
            // each language's model replaces the current analyzer only where it is better beyond noise
            SentimentModel alone = new SentimentModel(Map.of(lang, candidate), current);
            AdoptionGate.Decision d = AdoptionGate.decide(lang, held.stream().map(LabelledText::label).toList(),
                    held.stream().map(t -> alone.analyze(t.text(), lang).label()).toList(),
                    held.stream().map(t -> current.analyze(t.text(), lang).label()).toList(), options.seed());
            decisions.add(d);
            if (d.adopt()) {
                models.put(lang, candidate);
            }
        }
        SentimentModel model = new SentimentModel(models, current);
        Metrics newMetrics = new Metrics();
        Metrics baseMetrics = new Metrics();
        for (LabelledText t : heldOut) {
            newMetrics.add(t.label(), model.analyze(t.text(), t.language()).label());
            baseMetrics.add(t.label(), current.analyze(t.text(), t.language()).label());
        }
        return new TrainingResult(model, newMetrics, baseMetrics, !models.isEmpty(), counts, decisions,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Per-example weights giving each source the same total weight (mean weight 1, capped at 8). */
    static double[] sourceWeights(List<LabelledText> xs) {
        Map<String, Integer> perSource = new java.util.HashMap<>();
        for (LabelledText t : xs) perSource.merge(String.valueOf(t.source()), 1, Integer::sum);
        double[] w = new double[xs.size()];
        int k = perSource.size();
        for (int i = 0; i < w.length; i++) {
            int ns = perSource.get(String.valueOf(xs.get(i).source()));
            w[i] = Math.min(8.0, xs.size() / (double) (k * ns));
        }
        return w;
    }

    /** Stratified split into [train, (unused), held-out]. */
    static List<List<LabelledText>> split(List<LabelledText> all, TrainingOptions o) {
        Random rnd = new Random(o.seed());
        List<LabelledText> train = new ArrayList<>(), cal = new ArrayList<>(), held = new ArrayList<>();
        for (SentimentLabel l : SentimentLabel.values()) {
            List<LabelledText> cls = new ArrayList<>();
            for (LabelledText t : all) if (t.label() == l) cls.add(t);
            Collections.shuffle(cls, rnd);
            int nHeld = (int) Math.round(cls.size() * o.heldOutFraction());
            int nCal = 0;
            held.addAll(cls.subList(0, nHeld));
            cal.addAll(cls.subList(nHeld, nHeld + nCal));
            train.addAll(cls.subList(nHeld + nCal, cls.size()));
        }
        Collections.shuffle(train, rnd);
        return List.of(train, cal, held);
    }

    private static LinearModel trainLanguage(FeatureExtractor fx, RuleBasedSentimentAnalyzer lexicon,
                                             List<LabelledText> train, String lang, TrainingOptions o) {
        int n = train.size();
        FeatureExtractor.Vec[] xs = new FeatureExtractor.Vec[n];
        double[] compound = new double[n];
        int[] ys = new int[n];
        int[] src = new int[n];
        Map<String, Integer> sourceIds = new java.util.HashMap<>();
        for (int i = 0; i < n; i++) {
            SentimentModel.Example ex = SentimentModel.features(fx, lexicon, train.get(i).text(), lang);
            xs[i] = ex.x();
            compound[i] = ex.compound();
            ys[i] = train.get(i).label().ordinal();
            src[i] = sourceIds.computeIfAbsent(String.valueOf(train.get(i).source()), k -> sourceIds.size());
        }
        double[] sourceWeight = sourceWeights(train);
        int folds = o.calibrationFolds();
        double[][] oof = folds == 0 ? null : new double[n][3];
        for (int f = 0; f < folds; f++) {
            final int fold = f;
            int[] in = range(n, i -> i % folds != fold);
            LinearModel m = fit(fx, xs, ys, sourceWeight, in, lang, o);
            for (int i = f; i < n; i += folds) m.logits(xs[i], oof[i]);
        }
        LinearModel m = fit(fx, xs, ys, sourceWeight, range(n, i -> true), lang, o);
        if (oof != null) calibrate(m, oof, compound, ys, src, sourceIds.size(), lang, o);
        return m;
    }

    private static int[] range(int n, java.util.function.IntPredicate keep) {
        return java.util.stream.IntStream.range(0, n).filter(keep).toArray();
    }

    private static LinearModel fit(FeatureExtractor fx, FeatureExtractor.Vec[] xs, int[] ys, double[] sourceWeight,
                                   int[] rows, String lang, TrainingOptions o) {
        int n = rows.length;
        int[] classCount = new int[3];
        for (int r : rows) classCount[ys[r]]++;
        double[] classWeight = new double[3];
        for (int c = 0; c < 3; c++) {
            classWeight[c] = classCount[c] == 0 ? 0 : n / (3.0 * classCount[c]);
        }
        LinearModel m = new LinearModel(fx.bits(), MIN_GRAM, MAX_GRAM);
        int dim = fx.dimension();
        float[][] g2 = new float[3][dim];
        double[] gb = new double[3];
        double lr = o.learningRate(), l2 = o.l2();
        int[] order = rows.clone();
        Random rnd = new Random(o.seed() * 31 + lang.hashCode());
        double[] z = new double[3];
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int ii = 0; ii < n; ii++) {
                int i = order[ii];
                FeatureExtractor.Vec v = xs[i];
                m.logits(v, z);
                LinearModel.softmax(z);
                for (int c = 0; c < 3; c++) {
                    double g = classWeight[ys[i]] * sourceWeight[i] * (z[c] - (ys[i] == c ? 1 : 0));
                    if (g == 0) continue;
                    gb[c] += g * g;
                    m.bias[c] -= (float) (lr * g / Math.sqrt(gb[c] + 1e-8));
                    float[] w = m.weights[c];
                    float[] acc = g2[c];
                    for (int k = 0; k < v.size; k++) {
                        int f = v.idx[k];
                        double grad = g * v.val[k] + l2 * w[f];
                        acc[f] += (float) (grad * grad);
                        w[f] -= (float) (lr * grad / Math.sqrt(acc[f] + 1e-8));
                    }
                }
            }
        }
        return m;
    }

    private static final double[] LEXICON_WEIGHTS = {0, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 1.5};

    /** Mean over sources of the macro-F1 (each source counts the same, whatever its size). */
    private static double meanMacroF1(double[][] logits, double[] compound, int[] ys, int[] src, int sources,
                                      double weight, double bias, double[] z) {
        Metrics[] ms = new Metrics[sources];
        for (int s = 0; s < sources; s++) ms[s] = new Metrics();
        for (int i = 0; i < ys.length; i++) {
            System.arraycopy(logits[i], 0, z, 0, 3);
            LinearModel.combine(z, compound[i], weight, bias);
            int pred = z[0] >= z[1] && z[0] >= z[2] ? 0 : (z[1] >= z[2] ? 1 : 2);
            ms[src[i]].add(SentimentLabel.ofIndex(ys[i]), SentimentLabel.ofIndex(pred));
        }
        double sum = 0;
        for (Metrics m : ms) sum += m.macroF1();
        return sum / sources;
    }

    private static Metrics evaluate(double[][] logits, double[] compound, int[] ys, double weight, double bias,
                                    double[] z) {
        Metrics mt = new Metrics();
        for (int i = 0; i < ys.length; i++) {
            System.arraycopy(logits[i], 0, z, 0, 3);
            LinearModel.combine(z, compound[i], weight, bias);
            int pred = z[0] >= z[1] && z[0] >= z[2] ? 0 : (z[1] >= z[2] ? 1 : 2);
            mt.add(SentimentLabel.ofIndex(ys[i]), SentimentLabel.ofIndex(pred));
        }
        return mt;
    }

    /**
     * Chooses the weight of the lexicon's logits and the bias added to the negative logit on the calibration
     * part: the pair maximising macro-F1, the bias then raised if needed until negative recall reaches {@link TrainingOptions#minNegativeRecall()}.
     */
    private static void calibrate(LinearModel m, double[][] logits, double[] compound, int[] ys, int[] src,
                                  int sources, String lang, TrainingOptions o) {
        double bestF1 = -1, bestF1Bias = 0, bestWeight = 0;
        double[] z = new double[3];
        for (double weight : LEXICON_WEIGHTS) {
            for (int step = -20; step <= 80; step++) {
                double f1 = meanMacroF1(logits, compound, ys, src, sources, weight, step * 0.05, z);
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    bestF1Bias = step * 0.05;
                    bestWeight = weight;
                }
            }
        }
        double bias = bestF1Bias;
        if (o.minNegativeRecall() > 0) {
            double recallBias = 4.0;
            for (int step = -20; step <= 80; step++) {
                if (evaluate(logits, compound, ys, bestWeight, step * 0.05, z).recall(SentimentLabel.NEGATIVE)
                        >= o.minNegativeRecall()) {
                    recallBias = step * 0.05;
                    break;
                }
            }
            bias = Math.max(bias, recallBias);
        }
        m.lexiconWeight = (float) bestWeight;
        if (Boolean.getBoolean("conversa.nlp.debug")) System.err.printf("calibrate %s: lexiconWeight %.2f bias F1 %.2f final %.2f meanF1 %.3f%n", lang, bestWeight, bestF1Bias, bias, bestF1);
        m.negativeBias = (float) bias;
    }
}
