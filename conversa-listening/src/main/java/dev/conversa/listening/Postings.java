package dev.conversa.listening;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Presearch posting lists: for each term id, the queries anchored on that term. Each list is an immutable
 * {@code int[]} replaced copy-on-write by the single writer, so readers never lock and an update costs O(length of
 * that one list), independent of the total number of queries.
 *
 * <p>An entry is {@value #STRIDE} ints: the query's slot, then the term ids of its guard ({@link Presearch}), -1 for
 * unused. Most candidates are rejected by their guard right here, from the list being read anyway, instead of by
 * loading their compiled query and verification tree from all over the heap.
 *
 * <p>Most terms of a post anchor no query (they are used by queries only as non-anchor terms). A bit per term says
 * whether its list is non-empty, so those terms cost a load from a small bit array instead of one from the large
 * array of lists. The writer sets a term's bit after publishing its list and clears it before removing the list.
 */
final class Postings {

    private static final VarHandle LISTS = MethodHandles.arrayElementVarHandle(int[][].class);
    private static final VarHandle BITS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Most guard terms stored per entry. */
    static final int GUARD_TERMS = 3;
    /** Ints per entry: slot and guard. */
    static final int STRIDE = 1 + GUARD_TERMS;

    private volatile int[][] lists = new int[1024][];
    /** Bit t set iff term t's list is non-empty; grown (with the same bits) before {@link #lists}. */
    private volatile long[] nonEmpty = new long[1024 / 64];

    /** The entries anchored on {@code term} (see {@link #STRIDE}), or {@code null}. Never modify the array. */
    int[] get(int term) {
        long[] bits = nonEmpty;
        if (term >= bits.length << 6 || ((long) BITS.getAcquire(bits, term >>> 6) & (1L << term)) == 0) {
            return null;
        }
        int[][] l = lists;
        return term < l.length ? (int[]) LISTS.getAcquire(l, term) : null;
    }

    /** Writer only: anchors the query in {@code slot} on {@code term}, with at most {@link #GUARD_TERMS} guard ids. */
    void add(int term, int slot, int[] guard) {
        int[][] l = ensureCapacity(term + 1);
        int[] old = (int[]) LISTS.getAcquire(l, term);
        int at = old == null ? 0 : old.length;
        int[] updated = old == null ? new int[STRIDE] : Arrays.copyOf(old, at + STRIDE);
        updated[at] = slot;
        for (int g = 0; g < GUARD_TERMS; g++) {
            updated[at + 1 + g] = g < guard.length ? guard[g] : -1;
        }
        LISTS.setRelease(l, term, updated);
        setBit(term, true);
    }

    /** Writer only. */
    void remove(int term, int slot) {
        int[][] l = lists;
        int[] old = term < l.length ? (int[]) LISTS.getAcquire(l, term) : null;
        if (old == null) {
            return;
        }
        int at = -1;
        for (int i = 0; i < old.length; i += STRIDE) {
            if (old[i] == slot) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return;
        }
        int[] updated = null;
        if (old.length == STRIDE) {
            setBit(term, false);
        } else {
            updated = new int[old.length - STRIDE];
            System.arraycopy(old, 0, updated, 0, at);
            System.arraycopy(old, at + STRIDE, updated, at, old.length - at - STRIDE);
        }
        LISTS.setRelease(l, term, updated);
    }

    private void setBit(int term, boolean set) {
        long[] bits = nonEmpty;
        long word = (long) BITS.getAcquire(bits, term >>> 6);
        BITS.setRelease(bits, term >>> 6, set ? word | (1L << term) : word & ~(1L << term));
    }

    private int[][] ensureCapacity(int size) {
        int[][] l = lists;
        if (size > l.length) {
            int n = Math.max(size, l.length * 2);
            long[] bits = nonEmpty;
            if (n > bits.length << 6) {
                nonEmpty = Arrays.copyOf(bits, (n + 63) >>> 6);
            }
            l = Arrays.copyOf(l, n);
            lists = l;
        }
        return l;
    }

    long approximateBytes() {
        int[][] l = lists;
        long bytes = 16 + 4L * l.length + 16 + l.length / 8;
        for (int[] p : l) {
            if (p != null) {
                bytes += 16 + 4L * p.length;
            }
        }
        return bytes;
    }
}
