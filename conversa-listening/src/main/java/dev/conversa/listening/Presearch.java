package dev.conversa.listening;

/**
 * How a query is found for a post without verifying it: the terms it is indexed under and a cheap check that rejects
 * most of the posts reaching it through them.
 *
 * @param anchors term ids of the query's cheapest required group: the query is a candidate for a post containing
 *                any of them; empty = checked against every post
 * @param guard   term ids of another required group (at most {@link Postings#GUARD_TERMS}), or empty: a candidate
 *                post with none of them cannot match, so it is dropped before the verification tree is even loaded
 */
record Presearch(int[] anchors, int[] guard) {

    static final Presearch NONE = new Presearch(new int[0], new int[0]);
}
