package dev.conversa.listening;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * Presearch posting lists: for each term id, the slots of the queries anchored on that term. Each list is an
 * immutable {@code int[]} replaced copy-on-write by the single writer, so readers never lock and an update costs
 * O(length of that one list), independent of the total number of queries.
 */
final class Postings {

    private static final VarHandle LISTS = MethodHandles.arrayElementVarHandle(int[][].class);

    private volatile int[][] lists = new int[1024][];

    /** The slots anchored on {@code term}, or {@code null}. Never modify the returned array. */
    int[] get(int term) {
        int[][] l = lists;
        return term < l.length ? (int[]) LISTS.getAcquire(l, term) : null;
    }

    /** Writer only. */
    void add(int term, int slot) {
        int[][] l = ensureCapacity(term + 1);
        int[] old = (int[]) LISTS.getAcquire(l, term);
        int[] updated;
        if (old == null) {
            updated = new int[] {slot};
        } else {
            updated = Arrays.copyOf(old, old.length + 1);
            updated[old.length] = slot;
        }
        LISTS.setRelease(l, term, updated);
    }

    /** Writer only. */
    void remove(int term, int slot) {
        int[][] l = lists;
        int[] old = term < l.length ? (int[]) LISTS.getAcquire(l, term) : null;
        if (old == null) {
            return;
        }
        int at = -1;
        for (int i = 0; i < old.length; i++) {
            if (old[i] == slot) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return;
        }
        int[] updated = null;
        if (old.length > 1) {
            updated = new int[old.length - 1];
            System.arraycopy(old, 0, updated, 0, at);
            System.arraycopy(old, at + 1, updated, at, old.length - at - 1);
        }
        LISTS.setRelease(l, term, updated);
    }

    private int[][] ensureCapacity(int size) {
        int[][] l = lists;
        if (size > l.length) {
            l = Arrays.copyOf(l, Math.max(size, l.length * 2));
            lists = l;
        }
        return l;
    }

    long approximateBytes() {
        int[][] l = lists;
        long bytes = 16 + 4L * l.length;
        for (int[] p : l) {
            if (p != null) {
                bytes += 16 + 4L * p.length;
            }
        }
        return bytes;
    }
}
