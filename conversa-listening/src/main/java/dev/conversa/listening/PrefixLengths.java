package dev.conversa.listening;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Cheap filter for wildcard matching: for a token, the set of lengths L such that some registered prefix of length
 * L starts with the token's first chars (bucketed by the first four chars; by two or three for shorter prefixes). Only
 * those lengths are then looked up in the prefix dictionary. Bits are only ever added (a removed prefix leaves a
 * harmless extra probe). Single writer; readers use acquire loads.
 *
 * <p>Every token is checked, and few start like a prefix: a bit per bucket of the three- and four-char tables (2 KB
 * each, cache-resident) says whether the bucket has any lengths before its {@code long} is loaded; the two- and
 * three-char tables are skipped while no prefix that short exists.
 */
final class PrefixLengths {

    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int BUCKETS3 = 1 << 14;
    private static final int BUCKETS2 = 1 << 12;

    private final long[] byFirstThree = new long[BUCKETS3];
    private final long[] byFirstFour = new long[BUCKETS3];
    private final long[] byFirstTwo = new long[BUCKETS2];
    /** Bit b set iff {@code byFirstThree[b] != 0}, resp. {@code byFirstFour[b] != 0}. */
    private final long[] usedThree = new long[BUCKETS3 / 64];
    private final long[] usedFour = new long[BUCKETS3 / 64];
    private volatile boolean any;
    private volatile boolean anyTwo;
    private volatile boolean anyThree;

    boolean isEmpty() {
        return !any;
    }

    /** Writer only. */
    void add(String prefix) {
        int len = prefix.length();
        if (len == 2) {
            int b = bucket2(prefix.charAt(0), prefix.charAt(1));
            BITS.setRelease(byFirstTwo, b, (long) BITS.getAcquire(byFirstTwo, b) | (1L << 2));
            anyTwo = true;
        } else if (len == 3) {
            int b = bucket3(prefix.charAt(0), prefix.charAt(1), prefix.charAt(2));
            BITS.setRelease(byFirstThree, b, (long) BITS.getAcquire(byFirstThree, b) | (1L << 3));
            markUsed(usedThree, b);
            anyThree = true;
        } else {
            int b = bucket4(prefix.charAt(0), prefix.charAt(1), prefix.charAt(2), prefix.charAt(3));
            BITS.setRelease(byFirstFour, b, (long) BITS.getAcquire(byFirstFour, b) | (1L << len));
            markUsed(usedFour, b);
        }
        any = true;
    }

    /** Bit L is set if a prefix of length L (≤ {@code len}) may match {@code buf[off, off+len)}. */
    long candidates(char[] buf, int off, int len) {
        if (len < 2) {
            return 0;
        }
        long bits = anyTwo ? (long) BITS.getAcquire(byFirstTwo, bucket2(buf[off], buf[off + 1])) : 0;
        if (len >= 3 && anyThree) {
            int b = bucket3(buf[off], buf[off + 1], buf[off + 2]);
            if (isUsed(usedThree, b)) {
                bits |= (long) BITS.getAcquire(byFirstThree, b);
            }
        }
        if (len >= 4) {
            int b = bucket4(buf[off], buf[off + 1], buf[off + 2], buf[off + 3]);
            if (isUsed(usedFour, b)) {
                bits |= (long) BITS.getAcquire(byFirstFour, b);
            }
        }
        return len >= 63 ? bits : bits & ((1L << (len + 1)) - 1);
    }

    /** Writer only; called after the bucket's lengths are stored. */
    private static void markUsed(long[] used, int bucket) {
        BITS.setRelease(used, bucket >>> 6, (long) BITS.getAcquire(used, bucket >>> 6) | (1L << bucket));
    }

    private static boolean isUsed(long[] used, int bucket) {
        return ((long) BITS.getAcquire(used, bucket >>> 6) & (1L << bucket)) != 0;
    }

    private static int bucket2(char a, char b) {
        return (a * 31 + b) & (BUCKETS2 - 1);
    }

    private static int bucket4(char a, char b, char c, char d) {
        int h = (a * 29791 + b * 961 + c * 31 + d) * 0x9E3779B9;
        return (h >>> 18) & (BUCKETS3 - 1);
    }

    private static int bucket3(char a, char b, char c) {
        int h = (a * 961 + b * 31 + c) * 0x9E3779B9;
        return (h >>> 18) & (BUCKETS3 - 1);
    }
}
