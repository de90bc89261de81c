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

    // per term id
    private int[] termStamp = new int[0];
    private int[] termHead = new int[0];
    private int[] termTail = new int[0];

    // occurrences, chained per term in text order
    private int[] occPos = new int[64];
    private int[] occStart = new int[64];
    private int[] occEnd = new int[64];
    private int[] occNext = new int[64];
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
            Arrays.fill(termStamp, 0);
            Arrays.fill(slotStamp, 0);
            epoch = 1;
        }
        if (termCapacity > termStamp.length) {
            int n = Math.max(termCapacity, termStamp.length + (termStamp.length >> 1));
            termStamp = Arrays.copyOf(termStamp, n);
            termHead = Arrays.copyOf(termHead, n);
            termTail = Arrays.copyOf(termTail, n);
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
        if (term >= termStamp.length) {
            return; // term registered by a concurrent add after this post started: ignore it
        }
        int occ = occCount++;
        if (occ == occPos.length) {
            growOccurrences();
        }
        occPos[occ] = position;
        occStart[occ] = start;
        occEnd[occ] = end;
        occNext[occ] = -1;
        if (termStamp[term] != epoch) {
            termStamp[term] = epoch;
            termHead[term] = occ;
            if (presentCount == present.length) {
                present = Arrays.copyOf(present, presentCount * 2);
            }
            present[presentCount++] = term;
            presentBits[(term >>> 6) & (PRESENT_BITS / 64 - 1)] |= 1L << term;
        } else {
            occNext[termTail[term]] = occ;
        }
        termTail[term] = occ;
    }

    /** Out of line, so that {@link #addOccurrence} stays small enough to be inlined into the token loop. */
    private void growOccurrences() {
        int n = occPos.length * 2;
        occPos = Arrays.copyOf(occPos, n);
        occStart = Arrays.copyOf(occStart, n);
        occEnd = Arrays.copyOf(occEnd, n);
        occNext = Arrays.copyOf(occNext, n);
    }

    boolean isPresent(int term) {
        return term < termStamp.length && termStamp[term] == epoch;
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
        return isPresent(term) ? termHead[term] : -1;
    }

    int next(int occ) {
        return occNext[occ];
    }

    int position(int occ) {
        return occPos[occ];
    }

    int start(int occ) {
        return occStart[occ];
    }

    int end(int occ) {
        return occEnd[occ];
    }

    /** The occurrence of {@code term} at {@code position}, or -1. */
    int occurrenceAt(int term, int position) {
        for (int o = first(term); o >= 0; o = occNext[o]) {
            int p = occPos[o];
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
