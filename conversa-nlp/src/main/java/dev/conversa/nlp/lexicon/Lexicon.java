package dev.conversa.nlp.lexicon;

import dev.conversa.nlp.text.TweetTokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one language for {@link RuleBasedSentimentAnalyzer}: word valences on VADER's -4..+4 scale,
 * multi-word phrases, negators, boosters/diminishers, contrast words ("but", "pero") and words whose valence
 * only applies when negated ("no funciona", "nobody answers"). Keys are normalised with
 * {@link TweetTokenizer#normalize(String)}. Immutable after {@link Builder#build()}.
 */
public final class Lexicon {

    /** A multi-word expression with a valence; {@code words} are normalised tokens. */
    public record Phrase(String[] words, float valence) {
    }

    final Map<String, Float> words;
    final Map<String, Phrase[]> phrasesByFirst;
    final Set<String> negators;
    final Map<String, Float> boosters;
    final Set<String> contrast;
    final Map<String, Float> negatedOnly;
    final Set<String> blockedForeign;

    private Lexicon(Builder b) {
        this.words = Map.copyOf(b.words);
        Map<String, Phrase[]> p = new HashMap<>();
        b.phrases.forEach((k, v) -> p.put(k, v.toArray(Phrase[]::new)));
        this.phrasesByFirst = Map.copyOf(p);
        this.negators = Set.copyOf(b.negators);
        this.boosters = Map.copyOf(b.boosters);
        this.contrast = Set.copyOf(b.contrast);
        this.negatedOnly = Map.copyOf(b.negatedOnly);
        this.blockedForeign = Set.copyOf(b.blockedForeign);
    }

    public Float valence(String norm) {
        return words.get(norm);
    }

    public boolean isNegator(String norm) {
        return negators.contains(norm) || (norm.endsWith("n't") && norm.length() > 3);
    }

    public int size() {
        return words.size();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Float> words = new HashMap<>();
        private final Map<String, List<Phrase>> phrases = new HashMap<>();
        private final Set<String> negators = new HashSet<>();
        private final Map<String, Float> boosters = new HashMap<>();
        private final Set<String> contrast = new HashSet<>();
        private final Map<String, Float> negatedOnly = new HashMap<>();
        private final Set<String> blockedForeign = new HashSet<>();

        /** Adds a word or (if it contains spaces) a phrase; a later entry for the same key replaces it. */
        public Builder word(String term, double valence) {
            String n = TweetTokenizer.normalize(term.trim());
            if (n.isEmpty()) return this;
            if (n.indexOf(' ') >= 0) {
                String[] parts = n.split(" +");
                List<Phrase> list = phrases.computeIfAbsent(parts[0], k -> new ArrayList<>());
                list.removeIf(ph -> java.util.Arrays.equals(ph.words(), parts));
                list.add(new Phrase(parts, (float) valence));
                list.sort((a, c) -> Integer.compare(c.words().length, a.words().length)); // longest first
            } else if (valence == 0.0) {
                words.remove(n);
            } else {
                words.put(n, (float) valence);
            }
            return this;
        }

        public Builder negator(String w) {
            negators.add(TweetTokenizer.normalize(w));
            return this;
        }

        public Builder booster(String w, double v) {
            boosters.put(TweetTokenizer.normalize(w), (float) v);
            return this;
        }

        public Builder contrast(String w) {
            contrast.add(TweetTokenizer.normalize(w));
            return this;
        }

        public Builder negatedOnly(String w, double v) {
            negatedOnly.put(TweetTokenizer.normalize(w), (float) v);
            return this;
        }

        public Builder blockForeign(String w) {
            blockedForeign.add(TweetTokenizer.normalize(w));
            return this;
        }

        /** {@code word<TAB>score} lines (AFINN, VADER), scores multiplied by {@code scale}. */
        public Builder loadScores(String resource, double scale) {
            for (String line : lines(resource)) {
                int tab = line.indexOf('\t');
                if (tab <= 0) continue;
                int tab2 = line.indexOf('\t', tab + 1);
                String v = tab2 < 0 ? line.substring(tab + 1) : line.substring(tab + 1, tab2);
                word(line.substring(0, tab), Double.parseDouble(v.trim()) * scale);
            }
            return this;
        }

        /**
         * Conversa rule files: {@code kind<TAB>term[<TAB>value]} with kind one of word, negator, booster,
         * contrast, negated, block; '#' starts a comment line.
         */
        public Builder loadRules(String resource) {
            for (String line : lines(resource)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                String kind = f[0].trim();
                String term = f.length > 1 ? f[1].trim() : "";
                double v = f.length > 2 ? Double.parseDouble(f[2].trim()) : 0.0;
                switch (kind) {
                    case "word" -> word(term, v);
                    case "negator" -> negator(term);
                    case "booster" -> booster(term, v);
                    case "contrast" -> contrast(term);
                    case "negated" -> negatedOnly(term, v);
                    case "block" -> blockForeign(term);
                    default -> throw new IllegalArgumentException(resource + ": unknown rule kind '" + kind + "'");
                }
            }
            return this;
        }

        /** Keeps only entries that are not plain words (emoticons such as ":)" or "<3"). */
        public Builder onlySymbols() {
            words.keySet().removeIf(w -> w.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '\'' || c == '-'));
            phrases.clear();
            negators.clear();
            boosters.clear();
            contrast.clear();
            return this;
        }

        public Lexicon build() {
            return new Lexicon(this);
        }
    }

    static List<String> lines(String resource) {
        InputStream in = Lexicon.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing resource " + resource);
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (!l.isEmpty() && l.charAt(0) == '\uFEFF') l = l.substring(1);
                out.add(l);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
