package dev.conversa.listening;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Hash table from term text to int term id, read lock-free by any number of matching threads while one writer
 * (holding the index's write lock) inserts. Open addressing with linear probing; each slot packs the key's hash and
 * the id into one {@code long} (one cache line touched per probe; the key chars are compared only on a hash match).
 * A slot is published by a release-store of that long after its key is written, and readers load it with acquire
 * semantics. Growing builds a new table and publishes it through a volatile field. Entries are never removed.
 *
 * <p>Most lookups are for words no query uses. A filter setting two bits of one 64-bit word per key (4 bits per
 * table slot, so a few percent false positives) answers most of those from a small, cache-resident bit array,
 * without touching the table or the keys. Its bits are only ever set, before the entry they cover is published.
 */
final class TermDictionary {

    private static final VarHandle ENTRIES = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int FILTER_BITS_PER_SLOT = 4;

    private static final class Table {
        final char[][] keys;
        /** {@code hash << 32 | (id + 1)}; 0 = empty. */
        final long[] entries;
        final int mask;
        /** For every key in the table, the two bits {@link #filterBits} of word {@link #filterWord} are set. */
        final long[] filter;
        /** Filter words - 1 (a power of two minus one). */
        final int filterMask;

        Table(int capacity) {
            keys = new char[capacity][];
            entries = new long[capacity];
            mask = capacity - 1;
            filter = new long[capacity * FILTER_BITS_PER_SLOT / 64];
            filterMask = filter.length - 1;
        }

        boolean mayContain(int spreadHash) {
            long bits = filterBits(spreadHash);
            return ((long) ENTRIES.getAcquire(filter, filterWord(spreadHash, filterMask)) & bits) == bits;
        }
    }

    /**
     * Two bits of one filter word per key: at the same size the false-positive rate of one bit per key, in a filter
     * half the size (16 KB at 10,000 queries), which stays in the L1 cache beside the text being matched.
     */
    private static long filterBits(int spreadHash) {
        return (1L << spreadHash) | (1L << (spreadHash >>> 6));
    }

    private static int filterWord(int spreadHash, int filterMask) {
        return (spreadHash >>> 12) & filterMask;
    }

    private volatile Table table = new Table(1024);
    private int size;

    /** Polynomial hash of {@code buf[off, off+len)}; the same value a caller can compute incrementally. */
    static int hash(char[] buf, int off, int len) {
        return TokenCursor.hashOf(buf, off, len);
    }

    private static int spread(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    /** Id of the term {@code buf[off, off+len)} whose {@link #hash} is {@code hash}, or -1. */
    int lookup(char[] buf, int off, int len, int hash) {
        Table t = table;
        int spread = spread(hash);
        if (!t.mayContain(spread)) {
            return -1;
        }
        long[] entries = t.entries;
        int mask = t.mask;
        int i = spread & mask;
        while (true) {
            long e = (long) ENTRIES.getAcquire(entries, i);
            if (e == 0) {
                return -1;
            }
            if ((int) (e >>> 32) == hash && sameChars(t.keys[i], buf, off, len)) {
                return (int) e - 1;
            }
            i = (i + 1) & mask;
        }
    }

    private static boolean sameChars(char[] key, char[] buf, int off, int len) {
        if (key.length != len) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (key[k] != buf[off + k]) {
                return false;
            }
        }
        return true;
    }

    /** Id of {@code term}, or -1. */
    int lookup(String term) {
        char[] chars = term.toCharArray();
        return lookup(chars, 0, chars.length, hash(chars, 0, chars.length));
    }

    /** Writer only: the id of {@code term}, inserting it with {@code newId} if absent. */
    int getOrAdd(String term, int newId) {
        int existing = lookup(term);
        if (existing >= 0) {
            return existing;
        }
        if ((size + 1) * 3 > table.entries.length * 2) { // load factor 2/3
            grow();
        }
        char[] key = term.toCharArray();
        insert(table, key, hash(key, 0, key.length), newId);
        size++;
        return newId;
    }

    int size() {
        return size;
    }

    private static void insert(Table t, char[] key, int hash, int id) {
        int spread = spread(hash);
        int word = filterWord(spread, t.filterMask);
        ENTRIES.setRelease(t.filter, word, t.filter[word] | filterBits(spread));
        int i = spread & t.mask;
        while (t.entries[i] != 0) {
            i = (i + 1) & t.mask;
        }
        t.keys[i] = key;
        ENTRIES.setRelease(t.entries, i, ((long) hash << 32) | ((id + 1) & 0xFFFFFFFFL));
    }

    private void grow() {
        Table old = table;
        Table bigger = new Table(old.entries.length * 2);
        for (int i = 0; i < old.entries.length; i++) {
            long e = old.entries[i];
            if (e != 0) {
                insert(bigger, old.keys[i], (int) (e >>> 32), (int) e - 1);
            }
        }
        table = bigger;
    }

    /** Approximate retained bytes (for memory reports). */
    long approximateBytes() {
        Table t = table;
        long bytes = 16L * 3 + (long) t.entries.length * (8 + 4 + FILTER_BITS_PER_SLOT / 8);
        for (char[] k : t.keys) {
            if (k != null) {
                bytes += 16 + 2L * k.length;
            }
        }
        return bytes;
    }
}
