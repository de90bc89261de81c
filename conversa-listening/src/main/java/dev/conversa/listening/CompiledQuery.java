package dev.conversa.listening;

/**
 * A query ready for matching.
 *
 * @param id        caller's id
 * @param slot      index in {@link QuerySlots}
 * @param query     the parsed query (kept to re-choose anchors)
 * @param root      verification tree over term ids
 * @param presearch the term ids the query is indexed under and its guard
 */
record CompiledQuery(String id, int slot, QueryNode query, VerifyNode root, Presearch presearch) {

    /** Term ids the query is indexed under; empty = checked against every post. */
    int[] anchors() {
        return presearch.anchors();
    }

    CompiledQuery withPresearch(Presearch updated) {
        return new CompiledQuery(id, slot, query, root, updated);
    }
}
