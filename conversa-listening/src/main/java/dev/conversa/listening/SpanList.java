package dev.conversa.listening;

import java.util.Arrays;

/** Growable list of {@code [start, end)} int pairs (token spans or char offsets). */
final class SpanList {

    int[] starts = new int[16];
    int[] ends = new int[16];
    int size;

    void clear() {
        size = 0;
    }

    void add(int start, int end) {
        if (size == starts.length) {
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
        }
        starts[size] = start;
        ends[size] = end;
        size++;
    }
}
