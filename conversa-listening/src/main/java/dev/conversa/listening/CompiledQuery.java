package dev.conversa.listening;

/**
 * A query ready for matching.
 *
 * @param id      caller's id
 * @param slot    index in {@link QuerySlots}
 * @param query   the parsed query (kept to re-choose anchors)
 * @param root    verification tree over term ids
 * @param anchors term ids the query is indexed under; empty = checked against every post
 */
record CompiledQuery(String id, int slot, QueryNode query, VerifyNode root, int[] anchors) {

    CompiledQuery withAnchors(int[] newAnchors) {
        return new CompiledQuery(id, slot, query, root, newAnchors);
    }
}
