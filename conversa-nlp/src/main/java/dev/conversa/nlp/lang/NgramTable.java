package dev.conversa.nlp.lang;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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

    /** Reads the models of the given ISO 639-1 codes from the class path ({@code language-models/<code>/}). */
    static NgramTable load(List<String> isoCodes) {
        NgramTable t = new NgramTable(isoCodes.size(), 1 << 21);
        for (int l = 0; l < isoCodes.size(); l++) {
            for (int order = 1; order <= MAX_ORDER; order++) {
                String path = "language-models/" + isoCodes.get(l) + "/" + FILES[order - 1] + ".json";
                InputStream stream = NgramTable.class.getClassLoader().getResourceAsStream(path);
                if (stream == null) {
                    throw new IllegalArgumentException("no language model " + path + " on the class path");
                }
                try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                    t.read(in, l, path);
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

    /**
     * Parses one model file, {"language":"…","ngrams":{"count/total":"ngram ngram …", …}}, as a stream: no String
     * per entry, so that loading leaves next to no garbage (a loaded server idles with a small heap).
     */
    private void read(Reader in, int language, String path) throws IOException {
        JsonChars json = new JsonChars(in);
        // skip to the object of n-grams
        int depth = 0;
        for (int c; (c = json.next()) != -1; ) {
            if (c == '{' && ++depth == 2) break;
        }
        while (true) {
            int c = json.skipSpaceAndCommas();
            if (c == '}' || c == -1) return;
            if (c != '"') throw new IllegalStateException(path + ": expected a \"count/total\" key, found '" + (char) c + "'");
            long count = 0;
            while ((c = json.next()) != '/') count = count * 10 + digit(c, path);
            long total = 0;
            while ((c = json.next()) != '"') total = total * 10 + digit(c, path);
            int q = (int) Math.min(255, 1 + Math.round(-Math.log(count / (double) total) * STEP));
            while ((c = json.next()) != '"') {
                if (c == -1) throw new IllegalStateException(path + ": truncated");
            }
            long key = 0;
            int length = 0;
            while (true) {
                c = json.nextStringChar();
                if (c == ' ' || c == JsonChars.END_OF_STRING) {
                    if (length > 0) put(key, language, q);
                    key = 0;
                    length = 0;
                    if (c == JsonChars.END_OF_STRING) break;
                    continue;
                }
                if (++length > MAX_ORDER) throw new IllegalStateException(path + ": n-gram longer than " + MAX_ORDER);
                key |= (long) codeOrNew((char) c) << (8 * (length - 1));
            }
        }
    }

    private static int digit(int c, String path) {
        if (c < '0' || c > '9') throw new IllegalStateException(path + ": expected a digit, found '" + (char) c + "'");
        return c - '0';
    }

    /** Characters of a JSON text through a small buffer. */
    private static final class JsonChars {
        static final int END_OF_STRING = -2;
        private final Reader in;
        private final char[] buffer = new char[8192];
        private int at;
        private int end;

        JsonChars(Reader in) {
            this.in = in;
        }

        int next() throws IOException {
            if (at == end) {
                end = in.read(buffer);
                at = 0;
                if (end <= 0) {
                    end = 0;
                    return -1;
                }
            }
            return buffer[at++];
        }

        int skipSpaceAndCommas() throws IOException {
            int c;
            do {
                c = next();
            } while (c == ',' || c == ' ' || c == '\n' || c == '\r' || c == '\t');
            return c;
        }

        /** The next character inside a string, escapes decoded, or {@link #END_OF_STRING} at its closing quote. */
        int nextStringChar() throws IOException {
            int c = next();
            if (c == '"') return END_OF_STRING;
            if (c == -1) throw new IllegalStateException("truncated JSON string");
            if (c != '\\') return c;
            int e = next();
            if (e != 'u') return e == 'n' ? '\n' : e == 't' ? '\t' : e;
            int v = 0;
            for (int i = 0; i < 4; i++) v = v * 16 + Character.digit(next(), 16);
            return v;
        }
    }

    private int codeOrNew(char c) {
        int code = alphabet[c] & 0xFF;
        if (code == 0) {
            if (alphabetSize == UNKNOWN_CHAR - 1) throw new IllegalStateException("more than 254 characters in the models");
            code = ++alphabetSize;
            alphabet[c] = (byte) code;
        }
        return code;
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
