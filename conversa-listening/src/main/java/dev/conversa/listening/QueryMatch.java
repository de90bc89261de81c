package dev.conversa.listening;

import java.util.List;

/**
 * A standing query that matched a post.
 *
 * @param queryId    the id the query was added with
 * @param highlights offsets of the query's (non-negated) terms and phrases found in the post, sorted, no duplicates
 */
public record QueryMatch(String queryId, List<Highlight> highlights) {

    public QueryMatch {
        highlights = List.copyOf(highlights);
    }
}
