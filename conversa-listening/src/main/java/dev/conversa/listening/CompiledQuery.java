package dev.conversa.listening;

/**
 * A query ready for matching.
 *
 * @param id      caller's id
 * @param slot    index in {@link QuerySlots}
 * @param root    verification tree over term ids
 * @param anchors term ids the query is indexed under; empty = checked against every post
 */
record CompiledQuery(String id, int slot, VerifyNode root, int[] anchors) {
}
