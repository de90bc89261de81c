package dev.conversa.listening;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The wildcard prefixes of the standing queries, for matching: records, for a token, every registered prefix it
 * starts with. Prefixes are bucketed by a hash of their first four chars (two or three for the shorter ones). A
 * bucket is one immutable {@code char[]} holding its prefixes and their term ids, replaced copy-on-write by the
 * single writer; so a token that starts like a prefix is checked by comparing chars in one small array, with no
 * hash per candidate length and no dictionary probe. The buckets also map each prefix to its term id. A bit per bucket, in small cache-resident arrays, says whether
 * the bucket holds anything before its array is loaded: most tokens start like no prefix.
 *
 * <p>Prefixes are never removed: one that no query uses any more costs a harmless occurrence of an unused term.
 * Readers use acquire loads and never lock.
 */
final class PrefixIndex {

    private static final VarHandle BUCKETS = MethodHandles.arrayElementVarHandle(char[][].class);
    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int BUCKETS4 = 1 << 14;
    private static final int BUCKETS3 = 1 << 14;
    private static final int BUCKETS2 = 1 << 12;
    /** Chars before a prefix's own in a bucket: its length and the two halves of its term id. */
    private static final int HEADER = 3;

    private final char[][] byFirstFour = new char[BUCKETS4][];
    private final char[][] byFirstThree = new char[BUCKETS3][];
    private final char[][] byFirstTwo = new char[BUCKETS2][];
    /** Bit b set iff bucket b of the table is non-empty. */
    private final long[] usedFour = new long[BUCKETS4 / 64];
    private final long[] usedThree = new long[BUCKETS3 / 64];
    private final long[] usedTwo = new long[BUCKETS2 / 64];
    private volatile boolean any;
    /** Whether some prefix has two or three chars (most have more). */
    private volatile boolean anyShort;

    boolean isEmpty() {
        return !any;
    }

    /** Term id of {@code prefix}, or -1 if it was never added. */
    int id(String prefix) {
        char[] chars = prefix.toCharArray();
        char[] bucket = (char[]) BUCKETS.getAcquire(table(chars.length), bucket(chars));
        int at = bucket == null ? -1 : find(bucket, chars);
        return at < 0 ? -1 : (bucket[at + 1] << 16) | bucket[at + 2];
    }

    /** Writer only: the term id of {@code prefix} (2 chars or more), adding it with {@code newId} if absent. */
    int getOrAdd(String prefix, int newId) {
        int existing = id(prefix);
        if (existing >= 0) {
            return existing;
        }
        char[] chars = prefix.toCharArray();
        int len = chars.length;
        char[][] table = table(len);
        int b = bucket(chars);
        char[] old = (char[]) BUCKETS.getAcquire(table, b);
        int at = old == null ? 0 : old.length;
        char[] updated = old == null ? new char[HEADER + len] : Arrays.copyOf(old, at + HEADER + len);
        updated[at] = (char) len;
        updated[at + 1] = (char) (newId >>> 16);
        updated[at + 2] = (char) newId;
        System.arraycopy(chars, 0, updated, at + HEADER, len);
        BUCKETS.setRelease(table, b, updated);
        long[] used = len == 2 ? usedTwo : len == 3 ? usedThree : usedFour;
        BITS.setRelease(used, b >>> 6, (long) BITS.getAcquire(used, b >>> 6) | (1L << b));
        if (len < 4) {
            anyShort = true;
        }
        any = true;
        return newId;
    }

    private char[][] table(int length) {
        return length == 2 ? byFirstTwo : length == 3 ? byFirstThree : byFirstFour;
    }

    private static int bucket(char[] prefix) {
        return switch (prefix.length) {
            case 2 -> bucket2(prefix[0], prefix[1]);
            case 3 -> bucket3(prefix[0], prefix[1], prefix[2]);
            default -> bucket4(prefix[0], prefix[1], prefix[2], prefix[3]);
        };
    }

    /** Index of {@code prefix}'s entry in {@code bucket}, or -1. */
    private static int find(char[] bucket, char[] prefix) {
        for (int i = 0; i < bucket.length; i += HEADER + bucket[i]) {
            if (bucket[i] == prefix.length && Arrays.equals(bucket, i + HEADER, i + HEADER + prefix.length,
                    prefix, 0, prefix.length)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Records in {@code s} an occurrence (at {@code position}, chars {@code [start, end)} of the text) of every
     * registered prefix that the token {@code buf[off, off+len)} starts with.
     */
    void match(char[] buf, int off, int len, int position, int start, int end, PostScratch s) {
        if (len >= 4) {
            int b = bucket4(buf[off], buf[off + 1], buf[off + 2], buf[off + 3]);
            if (isUsed(usedFour, b)) {
                matchBucket((char[]) BUCKETS.getAcquire(byFirstFour, b), buf, off, len, position, start, end, s);
            }
        }
        if (anyShort && len >= 2) {
            matchShort(buf, off, len, position, start, end, s);
        }
    }

    private void matchShort(char[] buf, int off, int len, int position, int start, int end, PostScratch s) {
        int b = bucket2(buf[off], buf[off + 1]);
        if (isUsed(usedTwo, b)) {
            matchBucket((char[]) BUCKETS.getAcquire(byFirstTwo, b), buf, off, len, position, start, end, s);
        }
        if (len >= 3) {
            b = bucket3(buf[off], buf[off + 1], buf[off + 2]);
            if (isUsed(usedThree, b)) {
                matchBucket((char[]) BUCKETS.getAcquire(byFirstThree, b), buf, off, len, position, start, end, s);
            }
        }
    }

    private static void matchBucket(char[] bucket, char[] buf, int off, int len, int position, int start, int end,
                                    PostScratch s) {
        if (bucket == null) {
            return; // defensive: a bucket's array is published before its used bit
        }
        for (int i = 0; i < bucket.length; ) {
            int prefixLength = bucket[i];
            int chars = i + HEADER;
            if (prefixLength <= len && Arrays.equals(bucket, chars, chars + prefixLength, buf, off, off + prefixLength)) {
                s.addOccurrence((bucket[i + 1] << 16) | bucket[i + 2], position, start, end);
            }
            i = chars + prefixLength;
        }
    }

    private static boolean isUsed(long[] used, int bucket) {
        return ((long) BITS.getAcquire(used, bucket >>> 6) & (1L << bucket)) != 0;
    }

    private static int bucket2(char a, char b) {
        return (a * 31 + b) & (BUCKETS2 - 1);
    }

    private static int bucket3(char a, char b, char c) {
        int h = (a * 961 + b * 31 + c) * 0x9E3779B9;
        return (h >>> 18) & (BUCKETS3 - 1);
    }

    private static int bucket4(char a, char b, char c, char d) {
        int h = (a * 29791 + b * 961 + c * 31 + d) * 0x9E3779B9;
        return (h >>> 18) & (BUCKETS4 - 1);
    }
}
