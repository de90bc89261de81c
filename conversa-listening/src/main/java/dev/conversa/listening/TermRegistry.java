package dev.conversa.listening;

/** Writer-side access to the index's term ids, used while compiling a query. */
interface TermRegistry {

    /** Id of an exact token term, registered if new. */
    int termId(String term);

    /** Id of a prefix term ({@code refund*}), registered if new. */
    int prefixId(String prefix);

    /** Id of a metadata filter value, registered if new. */
    int fieldId(PostField field, String normalizedValue);
}
