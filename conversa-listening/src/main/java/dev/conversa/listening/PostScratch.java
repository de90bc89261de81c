package dev.conversa.listening;

import java.util.Arrays;

/**
 * Per-thread working memory for matching one post: which known terms occur and where, and which queries are
 * candidates. Arrays indexed by term id or slot are never cleared: an entry is valid only if its stamp equals the
 * current {@link #epoch}, so starting a post is O(1).
 */
final class PostScratch {

    private static final int PRESENT_BITS = 4096;

    final TokenCursor cursor = new TokenCursor();
    final char[] fieldBuffer = new char[TokenCursor.MAX_TERM_CHARS + 2];
    final SpanList leftSpans = new SpanList();
    final SpanList rightSpans = new SpanList();
    final SpanList highlights = new SpanList();

    int epoch;
    /** Posts matched by this thread, for sampling term statistics. */
    int sampleTick;

    /**
     * Per term id, {@value #TERM_STRIDE} ints: the epoch that wrote the entry, the term's first and last occurrence,
     * and one unused (so that no entry straddles a cache line). Interleaved, so that recording an occurrence touches
     * one cache line of this large array, not three.
     */
    private int[] terms = new int[0];
    private static final int TERM_STRIDE = 4;
    private int termCapacity;

    /** Occurrences, chained per term in text order: {@value #OCC_STRIDE} ints each (position, start, end, next). */
    private int[] occurrences = new int[64 * OCC_STRIDE];
    private static final int OCC_STRIDE = 4;
    private int occCount;

    /** Distinct term ids present in the post. */
    int[] present = new int[64];
    int presentCount;
    /**
     * Bit {@code id mod 4096} set for each present term id: a cache-resident, mostly-exact test for guards (a clear
     * bit proves the term absent). Cleared term by term when the next post begins.
     */
    private final long[] presentBits = new long[PRESENT_BITS / 64];

    // per slot
    private int[] slotStamp = new int[0];
    int[] candidates = new int[64];
    int candidateCount;

    /** Starts a new post; {@code termCapacity} and {@code slotCapacity} bound the ids that may be seen. */
    void begin(int termCapacity, int slotCapacity) {
        if (++epoch == 0) {
            Arrays.fill(terms, 0);
            Arrays.fill(slotStamp, 0);
            epoch = 1;
        }
        if (termCapacity > this.termCapacity) {
            int n = Math.max(termCapacity, this.termCapacity + (this.termCapacity >> 1));
            terms = Arrays.copyOf(terms, n * TERM_STRIDE);
            this.termCapacity = n;
        }
        if (slotCapacity > slotStamp.length) {
            slotStamp = Arrays.copyOf(slotStamp, Math.max(slotCapacity, slotStamp.length + (slotStamp.length >> 1)));
        }
        for (int i = 0; i < presentCount; i++) {
            presentBits[(present[i] >>> 6) & (PRESENT_BITS / 64 - 1)] = 0;
        }
        occCount = 0;
        presentCount = 0;
        candidateCount = 0;
    }

    /** Records an occurrence of {@code term} (positions must be added in non-decreasing order per term). */
    void addOccurrence(int term, int position, int start, int end) {
        if (term >= termCapacity) {
            return; // term registered by a concurrent add after this post started: ignore it
        }
        int occ = occCount++;
        int o = occ * OCC_STRIDE;
        if (o == occurrences.length) {
            growOccurrences();
        }
        int[] occs = occurrences;
        occs[o] = position;
        occs[o + 1] = start;
        occs[o + 2] = end;
        occs[o + 3] = -1;
        int[] t = terms;
        int at = term * TERM_STRIDE;
        if (t[at] != epoch) {
            t[at] = epoch;
            t[at + 1] = occ;
            if (presentCount == present.length) {
                present = Arrays.copyOf(present, presentCount * 2);
            }
            present[presentCount++] = term;
            presentBits[(term >>> 6) & (PRESENT_BITS / 64 - 1)] |= 1L << term;
        } else {
            occs[t[at + 2] * OCC_STRIDE + 3] = occ;
        }
        t[at + 2] = occ;
    }

    /** Out of line, so that {@link #addOccurrence} stays small enough to be inlined into the token loop. */
    private void growOccurrences() {
        occurrences = Arrays.copyOf(occurrences, occurrences.length * 2);
    }

    boolean isPresent(int term) {
        return term < termCapacity && terms[term * TERM_STRIDE] == epoch;
    }

    /** False if {@code term} is certainly not in the post; -1 (no term) is never present. */
    boolean mayBePresent(int term) {
        return term >= 0 && (presentBits[(term >>> 6) & (PRESENT_BITS / 64 - 1)] & (1L << term)) != 0;
    }

    /**
     * Whether the posting entry at {@code entry} in {@code list} (see {@link Postings}) may match: it has no guard,
     * or a guard term may be present.
     */
    boolean passesGuard(int[] list, int entry) {
        int first = list[entry + 1];
        if (first < 0) {
            return true;
        }
        for (int g = entry + 1; g < entry + Postings.STRIDE; g++) {
            if (mayBePresent(list[g])) {
                return true;
            }
        }
        return false;
    }

    /** First occurrence of {@code term}, or -1. */
    int first(int term) {
        return isPresent(term) ? terms[term * TERM_STRIDE + 1] : -1;
    }

    int next(int occ) {
        return occurrences[occ * OCC_STRIDE + 3];
    }

    int position(int occ) {
        return occurrences[occ * OCC_STRIDE];
    }

    int start(int occ) {
        return occurrences[occ * OCC_STRIDE + 1];
    }

    int end(int occ) {
        return occurrences[occ * OCC_STRIDE + 2];
    }

    /** The occurrence of {@code term} at {@code position}, or -1. */
    int occurrenceAt(int term, int position) {
        for (int o = first(term); o >= 0; o = next(o)) {
            int p = position(o);
            if (p == position) {
                return o;
            }
            if (p > position) {
                return -1;
            }
        }
        return -1;
    }

    /** Adds {@code slot} to the candidates unless already there. */
    void addCandidate(int slot) {
        if (slot >= slotStamp.length) {
            slotStamp = Arrays.copyOf(slotStamp, Math.max(slot + 1, slotStamp.length * 2));
        }
        if (slotStamp[slot] == epoch) {
            return;
        }
        slotStamp[slot] = epoch;
        if (candidateCount == candidates.length) {
            candidates = Arrays.copyOf(candidates, candidateCount * 2);
        }
        candidates[candidateCount++] = slot;
    }
}
