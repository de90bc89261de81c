package dev.conversa.listening;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/** Compiled queries by slot number; slots are published with release/acquire so readers never lock. */
final class QuerySlots {

    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(CompiledQuery[].class);

    private volatile CompiledQuery[] slots = new CompiledQuery[1024];
    private int[] free = new int[16];
    private int freeCount;
    private int next;

    CompiledQuery get(int slot) {
        CompiledQuery[] s = slots;
        return slot < s.length ? (CompiledQuery) SLOTS.getAcquire(s, slot) : null;
    }

    /** Upper bound (exclusive) of used slot numbers. */
    int capacity() {
        return slots.length;
    }

    /** Writer only: a free slot number. */
    int allocate() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        int slot = next++;
        CompiledQuery[] s = slots;
        if (slot >= s.length) {
            slots = Arrays.copyOf(s, s.length * 2);
        }
        return slot;
    }

    /** Writer only. */
    void set(int slot, CompiledQuery query) {
        SLOTS.setRelease(slots, slot, query);
    }

    /** Writer only: empties the slot and makes it reusable. */
    void release(int slot) {
        SLOTS.setRelease(slots, slot, null);
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = slot;
    }
}
