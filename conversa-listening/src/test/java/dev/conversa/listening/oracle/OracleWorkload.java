package dev.conversa.listening.oracle;

import dev.conversa.listening.ListeningQuery;
import dev.conversa.listening.Post;
import dev.conversa.listening.PostField;
import dev.conversa.listening.QueryNode;
import dev.conversa.listening.QueryNode.And;
import dev.conversa.listening.QueryNode.Field;
import dev.conversa.listening.QueryNode.Near;
import dev.conversa.listening.QueryNode.Not;
import dev.conversa.listening.QueryNode.Or;
import dev.conversa.listening.QueryNode.Phrase;
import dev.conversa.listening.QueryNode.Prefix;
import dev.conversa.listening.QueryNode.Term;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic random posts and queries for the oracle tests. Unlike the benchmark workload (which aims at
 * realism), this one aims at coverage: a compact vocabulary so that queries and posts collide often, surface
 * variants (case, accents, elongation, #, @), every operator, nested booleans and proximity edge cases.
 */
public final class OracleWorkload {

    /** Words as they may appear in text (accents and case vary per occurrence). */
    static final String[] WORDS = {
        "atención", "cliente", "vuelo", "retraso", "maleta", "reembolso", "reclamación", "servicio", "gracias",
        "pésimo", "excelente", "buenísimo", "horrible", "cancelado", "equipaje", "aeropuerto", "tarjeta", "cobro",
        "factura", "llamada", "esperando", "respuesta", "ayuda", "problema", "pedido", "envío", "devolución",
        "producto", "tienda", "precio", "oferta", "nunca", "siempre", "hoy", "mañana", "otra", "vez", "por",
        "favor", "no", "que", "el", "la", "de", "mi", "muy", "malo", "bueno", "queja", "app",
        "flight", "delay", "delayed", "refund", "refunds", "refunded", "customer", "service", "thanks", "terrible",
        "awesome", "love", "hate", "bag", "baggage", "lost", "cancelled", "airport", "card", "charge", "bill",
        "call", "waiting", "answer", "help", "issue", "order", "shipping", "return", "product", "store", "price",
        "deal", "never", "always", "today", "again", "please", "the", "a", "to", "my", "is", "not", "so", "good",
        "bad", "worst", "best", "support", "team", "staff", "crew", "seat", "gate", "ticket", "booking",
        "iberia", "vueling", "ryanair", "movistar", "vodafone", "amazon", "zara", "telcel", "delta", "united",
        "conversa", "acme", "globex", "initech", "2024", "24h", "100"
    };

    static final String[] EMOJI = {"😡", "😂", "❤️", "👍🏽", "🇪🇸", "✈️", "🙏", "😭"};
    static final String[] URLS = {"https://t.co/AbC123", "http://iberia.com/vuelos", "www.acme.com/help"};
    static final String[] LANGS = {"es", "en", "pt"};
    static final String[] AUTHORS = {"@Iberia", "maria_g", "JohnDoe", "acme_support", "Vueling"};
    static final String[] COUNTRIES = {"ES", "MX", "US", "GB", "AR"};
    static final String[] SITES = {"twitter.com", "www.facebook.com", "news.acme.com", "acme.com", "blog.globex.es"};
    static final String[] SOURCES = {"twitter", "facebook", "instagram", "news"};

    /** Synthetic rarer words (brand-like), so that queries can be selective. */
    static final String[] TAIL = tailWords(3000);

    private final SplittableRandom random;
    private final String[] tail;

    public OracleWorkload(long seed) {
        this(seed, TAIL);
    }

    /** A workload whose queries draw most of their words from {@code queryVocabulary} (e.g. words of real posts). */
    public OracleWorkload(long seed, String[] queryVocabulary) {
        this.random = new SplittableRandom(seed);
        this.tail = queryVocabulary;
    }

    private static String[] tailWords(int n) {
        String[] onsets = {"b", "c", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "tr", "br", "ch"};
        String[] vowels = {"a", "e", "i", "o", "u", "á", "é", "ó"};
        SplittableRandom r = new SplittableRandom(7);
        java.util.Set<String> words = new java.util.LinkedHashSet<>();
        while (words.size() < n) {
            StringBuilder sb = new StringBuilder();
            int syllables = 2 + r.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                sb.append(onsets[r.nextInt(onsets.length)]).append(vowels[r.nextInt(vowels.length)]);
            }
            if (r.nextInt(3) == 0) {
                sb.append("nrsx".charAt(r.nextInt(4)));
            }
            words.add(sb.toString());
        }
        return words.toArray(String[]::new);
    }

    // ---------------------------------------------------------------- posts

    public List<Post> posts(int count) {
        List<Post> posts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            posts.add(post());
        }
        return posts;
    }

    public Post post() {
        int tokens = 4 + random.nextInt(26);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < tokens; i++) {
            if (i > 0) {
                sb.append(separator());
            }
            int kind = random.nextInt(100);
            if (kind < 4) {
                sb.append(pick(EMOJI));
            } else if (kind < 6) {
                sb.append(pick(URLS));
            } else if (kind < 12) {
                sb.append('#').append(surface(word()));
            } else if (kind < 16) {
                sb.append('@').append(surface(word()));
            } else {
                sb.append(surface(word()));
            }
        }
        return new Post(sb.toString(), maybe(LANGS), maybe(AUTHORS), maybe(COUNTRIES), maybe(SITES), maybe(SOURCES));
    }

    private String separator() {
        return switch (random.nextInt(20)) {
            case 0 -> ", ";
            case 1 -> ". ";
            case 2 -> "!! ";
            case 3 -> " - ";
            case 4 -> "...";
            case 5 -> " (";
            case 6 -> "' ";
            default -> " ";
        };
    }

    /** A word of a post: mostly common vocabulary, sometimes a rarer tail word. */
    private String word() {
        return random.nextInt(10) < 3 ? tail[random.nextInt(tail.length)] : commonWord();
    }

    /** A query word: mostly tail words, which keeps queries selective like real brand queries. */
    private String queryWord() {
        return random.nextInt(100) < 8 ? commonWord() : tail[random.nextInt(tail.length)];
    }

    /** A vocabulary word, biased towards the first and last words (Zipf-like). */
    private String commonWord() {
        int n = WORDS.length;
        int i = (int) Math.min(n - 1, Math.floor(Math.pow(random.nextDouble(), 1.7) * n));
        return WORDS[random.nextBoolean() ? i : n - 1 - i];
    }

    /** A surface variant of a word: case, stripped accents, elongation. */
    private String surface(String w) {
        String s = w;
        int r = random.nextInt(12);
        if (r == 0) {
            s = s.toUpperCase();
        } else if (r == 1 && !s.isEmpty()) {
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        } else if (r == 2) {
            s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        } else if (r == 3 && Character.isLetter(s.charAt(s.length() - 1))) {
            s = s + String.valueOf(s.charAt(s.length() - 1)).repeat(2 + random.nextInt(3));
        } else if (r == 4) {
            s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        }
        return s;
    }

    private String maybe(String[] values) {
        return random.nextInt(4) == 0 ? null : pick(values);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    // ---------------------------------------------------------------- queries

    public List<ListeningQuery> queries(int count) {
        List<ListeningQuery> queries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // render and re-parse, so every query also exercises the parser
            queries.add(ListeningQuery.parse(query(0).toString()));
        }
        return queries;
    }

    /** A random query tree; its leaves come from the vocabulary (or {@code extraWords} if given). */
    public QueryNode query(int depth) {
        int r = random.nextInt(100);
        if (depth >= 2 || r < 30) {
            return leaf();
        }
        if (r < 55) {
            return new And(children(depth));
        }
        if (r < 75) {
            return new Or(children(depth));
        }
        if (r < 80) {
            return new And(List.of(query(depth + 1), new Not(query(depth + 1))));
        }
        if (r < 84) {
            return new And(List.of(query(depth + 1), field()));
        }
        if (r < 85) {
            // pure negations match almost every post: keep them rare, and only at the top
            return depth == 0 && random.nextInt(5) == 0 ? new Not(query(depth + 1)) : leaf();
        }
        return new Near(positional(0), positional(0), random.nextInt(6), random.nextInt(3) == 0);
    }

    private List<QueryNode> children(int depth) {
        int n = 2 + random.nextInt(2);
        List<QueryNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(query(depth + 1));
        }
        return out;
    }

    private QueryNode leaf() {
        int r = random.nextInt(100);
        if (r < 55) {
            return term();
        }
        if (r < 68) {
            return phrase();
        }
        return prefix();
    }

    private QueryNode positional(int depth) {
        int r = random.nextInt(100);
        if (r < 50 || depth > 0) {
            return r % 3 == 0 ? prefix() : term();
        }
        if (r < 70) {
            return phrase();
        }
        List<QueryNode> alternatives = new ArrayList<>();
        int n = 2 + random.nextInt(2);
        for (int i = 0; i < n; i++) {
            alternatives.add(positional(depth + 1));
        }
        return new Or(alternatives);
    }

    private QueryNode term() {
        String w = normalize(queryWord());
        int r = random.nextInt(10);
        if (r == 0) {
            return new Term("#" + w);
        }
        if (r == 1) {
            return new Term("@" + w);
        }
        if (r == 2) {
            return new Term(normalize(pick(EMOJI)));
        }
        return new Term(w);
    }

    private QueryNode phrase() {
        // consecutive words are rarely generated in posts by chance, so bias towards frequent words
        int n = 2 + random.nextInt(2);
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(normalize(i == 0 ? queryWord() : WORDS[random.nextInt(Math.min(WORDS.length, 12))]));
        }
        return new Phrase(words);
    }

    private QueryNode prefix() {
        String w = normalize(queryWord());
        if (w.length() < 5) {
            return new Term(w);
        }
        // mostly 4 chars or more, as in listening queries; sometimes the shortest allowed (2 or 3)
        int len = random.nextInt(10) == 0 ? 2 + random.nextInt(2) : 4 + random.nextInt(w.length() - 3);
        return new Prefix(w.substring(0, Math.min(len, w.length())));
    }

    private QueryNode field() {
        PostField f = PostField.values()[random.nextInt(PostField.values().length)];
        String[] values = switch (f) {
            case LANG -> LANGS;
            case AUTHOR -> AUTHORS;
            case COUNTRY -> COUNTRIES;
            case SITE -> new String[] {"acme.com", "facebook.com", "twitter.com", "globex.es", "news.acme.com"};
            case SOURCE -> SOURCES;
        };
        return new Field(f, f.normalize(pick(values)));
    }

    /** The normalised single-token form of a word, as the parser would store it. */
    static String normalize(String word) {
        return ListeningQuery.parse('"' + word + '"').root() instanceof Term t ? t.text() : word.toLowerCase();
    }
}
