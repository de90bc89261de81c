package dev.conversa.nlp.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Lingua's character n-gram models (1- to 5-grams, each the conditional probability of its last character given
 * the ones before) of a few languages, packed into one open-addressing table: the key is the n-gram, at most five
 * characters of one byte each (an index into the alphabet the models use); the value is one byte per language, the
 * n-gram's negative log-probability in 1/16 steps ({@code 1 + round(-ln p * 16)}, 0 = unknown in that language).
 * One look-up answers every language at once, with no String or boxing. For the seven default languages: 1.07 M
 * n-grams in ~31 MB (Lingua's own maps take ~175 MB for the same models).
 */
final class NgramTable {
    static final int MAX_ORDER = 5;
    private static final String[] FILES = {"unigrams", "bigrams", "trigrams", "quadrigrams", "fivegrams"};
    /** Codes 1..254 are alphabet characters; a character the models never use gets this one. */
    static final int UNKNOWN_CHAR = 255;
    static final double STEP = 16.0;

    private final int languages;
    private final byte[] alphabet = new byte[65536];
    private int alphabetSize;
    private int[] letters = new int[0];
    private long[] keys;
    private byte[] values;
    private int mask;
    private int size;

    private NgramTable(int languages, int capacity) {
        this.languages = languages;
        this.keys = new long[capacity];
        this.values = new byte[capacity * languages];
        this.mask = capacity - 1;
    }

    /** Reads the models of the given ISO 639-1 codes from Lingua's jar on the class path. */
    static NgramTable load(List<String> isoCodes) {
        NgramTable t = new NgramTable(isoCodes.size(), 1 << 21);
        for (int l = 0; l < isoCodes.size(); l++) {
            for (int order = 1; order <= MAX_ORDER; order++) {
                String path = "language-models/" + isoCodes.get(l) + "/" + FILES[order - 1] + ".json";
                try (InputStream in = NgramTable.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IllegalArgumentException("no language model " + path + " on the class path");
                    }
                    t.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), l, path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        t.letterLanguages();
        return t;
    }

    /**
     * For each accented or other non-ASCII lower-case letter, the languages (bit mask) in which it is common: a
     * unigram probability of at least 5e-5 (ß: German; ñ: Spanish and Catalan; ã: Portuguese; à: four languages).
     */
    private void letterLanguages() {
        letters = new int[alphabetSize + 1];
        int common = (int) (1 + Math.round(-Math.log(5e-5) * STEP));
        for (char c = 128; c < 65535; c++) {
            int code = alphabet[c] & 0xFF;
            if (code == 0 || Character.getType(c) != Character.LOWERCASE_LETTER) continue;
            int slot = find(code);
            if (slot < 0) continue;
            int mask = 0;
            for (int l = 0; l < languages; l++) {
                int v = value(slot, l);
                if (v != 0 && v <= common) mask |= 1 << l;
            }
            letters[code] = mask;
        }
    }

    /** The languages in which the letter of this code is common, as a bit mask (0 for ASCII and rare letters). */
    int letterLanguages(int code) {
        return code < letters.length ? letters[code] : 0;
    }

    int languages() {
        return languages;
    }

    int size() {
        return size;
    }

    long bytes() {
        return keys.length * 8L + values.length + alphabet.length;
    }

    /** The one-byte code of a (lower-case) character; {@link #UNKNOWN_CHAR} when no model uses it. */
    int code(char c) {
        int code = alphabet[c] & 0xFF;
        return code == 0 ? UNKNOWN_CHAR : code;
    }

    /** The slot of a packed n-gram, or -1. Its values are at {@code slot * languages() + language}. */
    int find(long key) {
        int i = hash(key) & mask;
        while (true) {
            long k = keys[i];
            if (k == key) return i;
            if (k == 0) return -1;
            i = (i + 1) & mask;
        }
    }

    /** The stored value (0 = unknown) of slot and language. */
    int value(int slot, int language) {
        return values[slot * languages + language] & 0xFF;
    }

    private static int hash(long key) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32);
    }

    /** Parses one model file: {"language":"…","ngrams":{"count/total":"ngram ngram …", …}}. */
    private void read(String json, int language, String path) {
        int at = json.indexOf("\"ngrams\"");
        if (at < 0) throw new IllegalStateException(path + ": no ngrams");
        at = json.indexOf('{', at) + 1;
        StringBuilder s = new StringBuilder();
        while (true) {
            at = skipToQuoteOrEnd(json, at);
            if (at < 0) return;
            at = string(json, at, s);
            String fraction = s.toString();
            int slash = fraction.indexOf('/');
            double p = Double.parseDouble(fraction.substring(0, slash)) / Double.parseDouble(fraction.substring(slash + 1));
            int q = (int) Math.min(255, 1 + Math.round(-Math.log(p) * STEP));
            at = json.indexOf('"', at);
            at = string(json, at, s);
            int start = 0;
            for (int i = 0; i <= s.length(); i++) {
                if (i == s.length() || s.charAt(i) == ' ') {
                    if (i > start) put(pack(s, start, i, path), language, q);
                    start = i + 1;
                }
            }
        }
    }

    /** Next '"' that opens a key, or -1 at the closing '}' of the ngrams object. */
    private static int skipToQuoteOrEnd(String json, int at) {
        for (int i = at; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '"') return i;
            if (c == '}') return -1;
        }
        return -1;
    }

    /** Reads the JSON string starting at the quote {@code at} into {@code out}; answers the index after it. */
    private static int string(String json, int at, StringBuilder out) {
        out.setLength(0);
        int i = at + 1;
        while (true) {
            char c = json.charAt(i++);
            if (c == '"') return i;
            if (c == '\\') {
                char e = json.charAt(i++);
                switch (e) {
                    case 'u' -> {
                        out.append((char) Integer.parseInt(json, i, i + 4, 16));
                        i += 4;
                    }
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
    }

    private long pack(CharSequence s, int from, int to, String path) {
        if (to - from > MAX_ORDER) throw new IllegalStateException(path + ": n-gram longer than " + MAX_ORDER);
        long key = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            int code = alphabet[c] & 0xFF;
            if (code == 0) {
                if (alphabetSize == UNKNOWN_CHAR - 1) throw new IllegalStateException("more than 254 characters in the models");
                code = ++alphabetSize;
                alphabet[c] = (byte) code;
            }
            key |= (long) code << (8 * (i - from));
        }
        return key;
    }

    private void put(long key, int language, int q) {
        int i = hash(key) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = key;
            if (++size > keys.length * 3 / 4) {
                grow();
                put(key, language, q);
                return;
            }
        }
        values[i * languages + language] = (byte) q;
    }

    private void grow() {
        long[] oldKeys = keys;
        byte[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new byte[keys.length * languages];
        mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldKeys[j] == 0) continue;
            int i = hash(oldKeys[j]) & mask;
            while (keys[i] != 0) i = (i + 1) & mask;
            keys[i] = oldKeys[j];
            System.arraycopy(oldValues, j * languages, values, i * languages, languages);
        }
    }
}
