package dev.conversa.nlp.train;

import dev.conversa.nlp.Sentiment;
import dev.conversa.nlp.SentimentAnalyzer;
import dev.conversa.nlp.lexicon.RuleBasedSentimentAnalyzer;
import dev.conversa.nlp.lexicon.SentimentLexicons;
import dev.conversa.nlp.text.TokenizedText;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * A workspace's trained sentiment model: one linear model per language it was trained on; texts in other
 * languages (or with an unknown language) go to the shipped default. Immutable and thread-safe.
 *
 * <p>Stored as bytes with {@link #write(OutputStream)} / {@link #read(InputStream)}: a deflated binary format
 * (magic "CVSM", version 1) with weights quantised to 16 bits; zero weights are skipped.
 */
public final class SentimentModel implements SentimentAnalyzer {

    private static final int MAGIC = 0x4356534D; // "CVSM"
    private static final int VERSION = 1;

    private final Map<String, LinearModel> byLanguage;
    private final RuleBasedSentimentAnalyzer lexicon;
    private final SentimentAnalyzer fallback;

    SentimentModel(Map<String, LinearModel> byLanguage, SentimentAnalyzer fallback) {
        this.byLanguage = Collections.unmodifiableMap(new TreeMap<>(byLanguage));
        this.lexicon = SentimentLexicons.shippedDefault();
        this.fallback = fallback;
    }

    /** Languages with a model of their own. */
    public Set<String> languages() {
        return byLanguage.keySet();
    }

    /** The model with texts of languages it was not trained on analysed by {@code other}. */
    public SentimentModel withFallback(SentimentAnalyzer other) {
        return new SentimentModel(byLanguage, other);
    }

    @Override
    public Sentiment analyze(String text, String language) {
        LinearModel m = language == null ? null : byLanguage.get(language);
        if (m == null) {
            return fallback.analyze(text, language);
        }
        if (text == null || text.isEmpty()) {
            return Sentiment.NEUTRAL_EMPTY;
        }
        TokenizedText tt = lexicon.tokenizer().tokenize(text);
        RuleBasedSentimentAnalyzer.Scores s = lexicon.score(tt, language);
        FeatureExtractor fx = new FeatureExtractor(m.bits, m.minGram, m.maxGram);
        double[] p = new double[3];
        m.probabilities(fx.extract(tt, s, lexicon.negators(tt, language)), s.compound(), p);
        return Sentiment.fromScores(p[0], p[1], p[2]);
    }

    /** Features and lexicon compound score of a text. */
    record Example(FeatureExtractor.Vec x, double compound) {
    }

    static Example features(FeatureExtractor fx, RuleBasedSentimentAnalyzer lexicon, String text, String language) {
        TokenizedText tt = lexicon.tokenizer().tokenize(text);
        RuleBasedSentimentAnalyzer.Scores s = lexicon.score(tt, language);
        return new Example(fx.extract(tt, s, lexicon.negators(tt, language)), s.compound());
    }

    LinearModel model(String language) {
        return byLanguage.get(language);
    }

    /** Writes the model (the app stores these bytes per workspace). */
    public void write(OutputStream out) throws IOException {
        DeflaterOutputStream z = new DeflaterOutputStream(out);
        DataOutputStream d = new DataOutputStream(z);
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        d.writeInt(byLanguage.size());
        for (Map.Entry<String, LinearModel> e : byLanguage.entrySet()) {
            LinearModel m = e.getValue();
            d.writeUTF(e.getKey());
            d.writeByte(m.bits);
            d.writeByte(m.minGram);
            d.writeByte(m.maxGram);
            d.writeFloat(m.negativeBias);
            d.writeFloat(m.lexiconWeight);
            for (int c = 0; c < 3; c++) d.writeFloat(m.bias[c]);
            for (int c = 0; c < 3; c++) {
                float[] w = m.weights[c];
                float max = 0;
                for (float x : w) max = Math.max(max, Math.abs(x));
                float scale = max == 0 ? 1f : max / 32767f;
                d.writeFloat(scale);
                int nonZero = 0;
                for (float x : w) if (Math.round(x / scale) != 0) nonZero++;
                d.writeInt(nonZero);
                int last = -1;
                for (int i = 0; i < w.length; i++) {
                    int q = Math.round(w[i] / scale);
                    if (q == 0) continue;
                    writeVarInt(d, i - last);
                    d.writeShort(q);
                    last = i;
                }
            }
        }
        d.flush();
        z.finish();
    }

    /** Reads a model written by {@link #write(OutputStream)}; other languages fall back to the shipped default. */
    public static SentimentModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new InflaterInputStream(in));
        if (d.readInt() != MAGIC) throw new IOException("not a Conversa sentiment model");
        int version = d.readInt();
        if (version != VERSION) throw new IOException("unsupported sentiment model version " + version);
        int n = d.readInt();
        Map<String, LinearModel> models = new TreeMap<>();
        for (int l = 0; l < n; l++) {
            String lang = d.readUTF();
            int bits = d.readByte(), minGram = d.readByte(), maxGram = d.readByte();
            if (bits < 10 || bits > 24) throw new IOException("corrupt model");
            LinearModel m = new LinearModel(bits, minGram, maxGram);
            m.negativeBias = d.readFloat();
            m.lexiconWeight = d.readFloat();
            for (int c = 0; c < 3; c++) m.bias[c] = d.readFloat();
            for (int c = 0; c < 3; c++) {
                float scale = d.readFloat();
                int nonZero = d.readInt();
                int idx = -1;
                for (int k = 0; k < nonZero; k++) {
                    idx += readVarInt(d);
                    m.weights[c][idx] = d.readShort() * scale;
                }
            }
            models.put(lang, m);
        }
        return new SentimentModel(models, SentimentLexicons.shippedDefault());
    }

    private static void writeVarInt(DataOutputStream d, int v) throws IOException {
        while ((v & ~0x7F) != 0) {
            d.writeByte((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        d.writeByte(v);
    }

    private static int readVarInt(DataInputStream d) throws IOException {
        int v = 0, shift = 0;
        while (true) {
            int b = d.readUnsignedByte();
            v |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return v;
            shift += 7;
            if (shift > 28) throw new IOException("corrupt model");
        }
    }
}
