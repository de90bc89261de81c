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

    /** Sorts the pairs by start, then end (insertion sort: lists are short). */
    void sort() {
        for (int i = 1; i < size; i++) {
            int s = starts[i];
            int e = ends[i];
            int j = i - 1;
            while (j >= 0 && (starts[j] > s || (starts[j] == s && ends[j] > e))) {
                starts[j + 1] = starts[j];
                ends[j + 1] = ends[j];
                j--;
            }
            starts[j + 1] = s;
            ends[j + 1] = e;
        }
    }
}
