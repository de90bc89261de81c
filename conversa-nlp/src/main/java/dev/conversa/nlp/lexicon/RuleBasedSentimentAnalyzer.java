package dev.conversa.nlp.lexicon;

import dev.conversa.nlp.Sentiment;
import dev.conversa.nlp.SentimentAnalyzer;
import dev.conversa.nlp.text.Token;
import dev.conversa.nlp.text.TokenizedText;
import dev.conversa.nlp.text.TweetTokenizer;

import java.util.Map;

/**
 * Lexicon-and-rules sentiment in the manner of VADER (Hutto &amp; Gilbert 2014): word valences adjusted for
 * negation, boosters and diminishers, ALL CAPS, contrast ("but"/"pero"), exclamation marks, then normalised
 * into a compound score in [-1, 1]. Optional extensions used by the shipped default: elongation as emphasis,
 * laughter ("jajaja", "hahaha"), emoji valences, multi-word phrases, negated-only service verbs, a second
 * language's lexicon as fallback for mixed-language messages, and a calibrated neutral band.
 *
 * <p>Instances are immutable and thread-safe; build them with {@link SentimentLexicons}.
 */
public final class RuleBasedSentimentAnalyzer implements SentimentAnalyzer {

    static final double N_SCALAR = -0.74;
    static final double C_INCR = 0.733;
    static final double B_INCR = 0.293;

    /** Tunable behaviour. */
    public record Options(
            double positiveThreshold,
            double negativeThreshold,
            boolean elongationBoost,
            boolean laughter,
            boolean foreignFallback,
            boolean emojiDescriptions,
            double laughterValence) {
    }

    private final TweetTokenizer tokenizer;
    private final Map<String, Lexicon> byLanguage;
    private final Lexicon fallbackLexicon;
    private final Map<String, Float> emoji;
    private final Map<String, String[]> emojiDescriptions;
    private final Options options;

    RuleBasedSentimentAnalyzer(TweetTokenizer tokenizer, Map<String, Lexicon> byLanguage, Lexicon fallbackLexicon,
                               Map<String, Float> emoji, Map<String, String[]> emojiDescriptions, Options options) {
        this.tokenizer = tokenizer;
        this.byLanguage = Map.copyOf(byLanguage);
        this.fallbackLexicon = fallbackLexicon;
        this.emoji = emoji;
        this.emojiDescriptions = emojiDescriptions;
        this.options = options;
    }

    public TweetTokenizer tokenizer() {
        return tokenizer;
    }

    public Options options() {
        return options;
    }

    @Override
    public Sentiment analyze(String text, String language) {
        if (text == null || text.isEmpty()) {
            return Sentiment.NEUTRAL_EMPTY;
        }
        return toSentiment(score(tokenizer.tokenize(text), language));
    }

    /** Maps a compound score to a label and class scores using the configured neutral band. */
    public Sentiment toSentiment(Scores s) {
        if (s.items() == 0) {
            return Sentiment.NEUTRAL_EMPTY;
        }
        double c = s.compound();
        double k = 6.0;
        double pos = Math.exp(k * (c - options.positiveThreshold()));
        double neg = Math.exp(k * (-c - options.negativeThreshold()));
        return Sentiment.fromScores(neg, 1.0, pos);
    }

    /** Lexicon scores of a text; also used as features by the trainer. */
    public record Scores(double compound, double positiveSum, double negativeSum, int items, int sentimentItems,
                         int negations, int positiveItems, int negativeItems) {
        static final Scores EMPTY = new Scores(0, 0, 0, 0, 0, 0, 0, 0);
    }

    private Lexicon lexicon(String language) {
        if (language != null) {
            Lexicon l = byLanguage.get(language);
            if (l != null) return l;
        }
        return byLanguage.get("default");
    }

    private Lexicon foreign(Lexicon primary) {
        if (!options.foreignFallback()) return null;
        if (primary == fallbackLexicon) return byLanguage.get("es");
        return fallbackLexicon;
    }

    public Scores score(TokenizedText tt, String language) {
        int n = tt.size();
        if (n == 0) return Scores.EMPTY;
        Lexicon lex = lexicon(language);
        Lexicon other = foreign(lex);
        double[] items = new double[n];
        boolean[] counted = new boolean[n];
        boolean[] negImmune = new boolean[n];
        boolean[] inPhrase = new boolean[n];
        int skipUntil = -1;
        int negations = 0;
        int extraItems = 0;
        double extraSum = 0;
        int contrastAt = -1;
        for (int i = 0; i < n; i++) {
            Token t = tt.get(i);
            if (i < skipUntil) {
                counted[i] = true; // part of a phrase: neutral item
                inPhrase[i] = true;
                continue;
            }
            counted[i] = true;
            String w = t.norm();
            if (contrastAt < 0 && lex.contrast.contains(w)) contrastAt = i;
            if (lex.isNegator(w)) negations++;
            if (t.isWordLike() && lex.boosters.containsKey(w)) {
                continue; // booster words score through the word they modify
            }
            double v = 0;
            boolean immune = false;
            if (t.kind() == Token.Kind.EMOJI) {
                if (emojiDescriptions != null) {
                    // VADER: an emoji stands for the words of its description, each a separate item
                    String[] desc = emojiDescriptions.get(w);
                    if (desc != null) {
                        for (String d : desc) {
                            Float dv = lex.valence(d);
                            if (dv != null) {
                                extraSum += dv;
                                extraItems++;
                            } else {
                                extraItems++;
                            }
                        }
                        extraItems--; // the emoji token itself is the first item
                    }
                    continue;
                }
                Float ev = emoji.get(w);
                v = ev == null ? 0 : ev;
            } else if (t.kind() == Token.Kind.EMOTICON) {
                Float ev = lex.valence(w);
                if (ev == null) ev = emoji.get(w);
                v = ev == null ? 0 : ev;
            } else {
                Lexicon.Phrase[] phrases = lex.phrasesByFirst.get(w);
                if (phrases != null) {
                    Lexicon.Phrase p = matchPhrase(phrases, tt, i);
                    if (p != null) {
                        v = p.valence();
                        skipUntil = i + p.words().length;
                        inPhrase[i] = true;
                        for (String pw : p.words()) {
                            if (lex.isNegator(pw)) immune = true;
                        }
                    }
                }
                if (v == 0) {
                    Float negOnly = lex.negatedOnly.get(w);
                    if (negOnly != null && negatedWithin(lex, tt, i)) {
                        v = negOnly;
                        immune = true;
                    }
                }
                if (v == 0) {
                    v = wordValence(lex, other, t);
                    // VADER: "no" directly before a sentiment word is a negator, not a negative word
                    if (v != 0 && "no".equals(w) && i + 1 < n && wordValence(lex, other, tt.get(i + 1)) != 0) {
                        v = 0;
                    }
                }
            }
            if (v == 0) continue;
            if (t.allCaps() && tt.capsDifferential()) {
                v += v > 0 ? C_INCR : -C_INCR;
            }
            if (options.elongationBoost() && t.elongated()) {
                v += v > 0 ? B_INCR : -B_INCR;
            }
            if (!immune) {
                for (int s = 0; s < 3 && i - s - 1 >= 0; s++) {
                    Token prev = tt.get(i - s - 1);
                    String pw = prev.norm();
                    Float b = prev.isWordLike() ? lex.boosters.get(pw) : null;
                    if (b != null) {
                        double sc = v < 0 ? -b : b;
                        if (prev.allCaps() && tt.capsDifferential()) sc += v > 0 ? C_INCR : -C_INCR;
                        if (s == 1) sc *= 0.95;
                        if (s == 2) sc *= 0.9;
                        v += sc;
                    }
                    if (!inPhrase[i - s - 1] && lex.isNegator(pw) && !(s > 0 && "doubt".equals(tt.get(i - 1).norm()) && "without".equals(pw))) {
                        v *= N_SCALAR;
                    }
                }
                // VADER "least": "the least X" flips, "at least X" does not
                if (i > 0 && !inPhrase[i] && "least".equals(tt.get(i - 1).norm())) {
                    if (i < 2 || !("at".equals(tt.get(i - 2).norm()) || "very".equals(tt.get(i - 2).norm()))) {
                        v *= N_SCALAR;
                    }
                }
            }
            items[i] = v;
            negImmune[i] = immune;
        }
        if (contrastAt >= 0) {
            for (int i = 0; i < n; i++) {
                if (i < contrastAt) items[i] *= 0.5;
                else if (i > contrastAt) items[i] *= 1.5;
            }
        }
        double sum = extraSum, pos = 0, neg = 0;
        int count = extraItems, neu = extraItems, sentimentItems = 0, posItems = 0, negItems = 0;
        if (extraSum > 0) pos += extraSum; else if (extraSum < 0) neg += extraSum;
        for (int i = 0; i < n; i++) {
            if (!counted[i]) continue;
            count++;
            double v = items[i];
            sum += v;
            if (v > 0) {
                pos += v + 1;
                sentimentItems++;
                posItems++;
            } else if (v < 0) {
                neg += v - 1;
                sentimentItems++;
                negItems++;
            } else {
                neu++;
            }
        }
        double punct = punctuationEmphasis(tt);
        if (sum > 0) sum += punct;
        else if (sum < 0) sum -= punct;
        double compound = sum / Math.sqrt(sum * sum + 15);
        if (pos > Math.abs(neg)) pos += punct;
        else if (pos < Math.abs(neg)) neg -= punct;
        return new Scores(compound, pos, neg, count, sentimentItems, negations, posItems, negItems);
    }

    /** Which tokens are negators ("no", "not", "nunca", "n't"...) in the lexicon of {@code language}. */
    public boolean[] negators(TokenizedText tt, String language) {
        Lexicon lex = lexicon(language);
        boolean[] out = new boolean[tt.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = lex.isNegator(tt.get(i).norm());
        }
        return out;
    }

    private static double punctuationEmphasis(TokenizedText tt) {
        double ep = Math.min(tt.exclamations(), 4) * 0.292;
        int q = tt.questions();
        double qm = q > 1 ? (q <= 3 ? q * 0.18 : 0.96) : 0;
        return ep + qm;
    }

    private boolean negatedWithin(Lexicon lex, TokenizedText tt, int i) {
        for (int s = 1; s <= 3 && i - s >= 0; s++) {
            if (lex.isNegator(tt.get(i - s).norm())) return true;
        }
        return false;
    }

    private static Lexicon.Phrase matchPhrase(Lexicon.Phrase[] phrases, TokenizedText tt, int i) {
        outer:
        for (Lexicon.Phrase p : phrases) {
            String[] ws = p.words();
            if (i + ws.length > tt.size()) continue;
            for (int k = 1; k < ws.length; k++) {
                Token t = tt.get(i + k);
                if (!(ws[k].equals(t.norm()) || ws[k].equals(t.squeezed()) || ws[k].equals(t.single()))) {
                    continue outer;
                }
            }
            return p;
        }
        return null;
    }

    private double wordValence(Lexicon lex, Lexicon other, Token t) {
        if (!t.isWordLike()) {
            return 0;
        }
        Float v = lex.valence(t.norm());
        if (v == null && t.squeezed() != null) v = lex.valence(t.squeezed());
        if (v == null && t.single() != null) v = lex.valence(t.single());
        if (v != null) return v;
        if (options.laughter() && isLaughter(t.norm())) return options.laughterValence();
        if (other != null && t.norm().length() >= 3 && !lex.blockedForeign.contains(t.norm())
                && !lex.words.containsKey(t.norm())) {
            Float o = other.valence(t.norm());
            if (o == null && t.squeezed() != null) o = other.valence(t.squeezed());
            if (o != null && !other.negators.contains(t.norm())) return o;
        }
        return 0;
    }

    /** "jajaja", "jejeje", "jsjsjs", "hahaha", "hehe", "lol", "lool", "lmao", "xd". */
    static boolean isLaughter(String w) {
        int n = w.length();
        if (n < 4) return false;
        int j = 0, h = 0, vowels = 0;
        for (int i = 0; i < n; i++) {
            char c = w.charAt(i);
            switch (c) {
                case 'j' -> j++;
                case 'h' -> h++;
                case 'a', 'e', 'i', 's' -> vowels++;
                default -> {
                    return false;
                }
            }
        }
        return (j >= 2 || h >= 2) && vowels >= 2;
    }
}
