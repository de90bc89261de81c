package dev.conversa.listening;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The listening matcher: holds any number of standing queries and returns, for each post, every query it matches.
 *
 * <p>Each post is tokenized once; its tokens are looked up in a dictionary holding only the terms (and wildcard
 * prefixes) that some query uses. Each query is indexed under a few <em>anchor</em> terms, one of which must occur
 * in any post it matches; only queries anchored on a term of the post (plus the few queries that need no term, like
 * {@code NOT spam}) are verified against the post's term positions.
 *
 * <p>Thread-safety: {@link #match} may be called from any number of threads concurrently with {@link #add} and
 * {@link #remove}; matching never blocks. Writers serialise on an internal lock; each add/remove costs time
 * proportional to the query's size and the length of its anchors' posting lists, not to the number of queries.
 * A match running concurrently with an add or remove may or may not see that change.
 */
public final class QueryIndex {

    private static final ThreadLocal<PostScratch> SCRATCH = ThreadLocal.withInitial(PostScratch::new);
    private static final char FIELD_MARK = '\u0000';
    private static final PostField[] FIELDS = PostField.values();

    private final Object writeLock = new Object();
    private final TermDictionary exactTerms = new TermDictionary();
    private final PrefixIndex prefixes = new PrefixIndex();
    private final Postings postings = new Postings();
    private final QuerySlots slots = new QuerySlots();
    private final Map<String, CompiledQuery> byId = new ConcurrentHashMap<>();
    private final boolean[] fieldUsed = new boolean[PostField.values().length];
    private final TermStatistics statistics = new TermStatistics();
    private final QueryCompiler compiler = new QueryCompiler(new Registry(), this::leafCost);

    private volatile int termCount;
    private volatile int[] alwaysCheck = new int[0];
    private int nextTermId;

    /**
     * Adds a standing query, replacing any query with the same id.
     *
     * @param id opaque, caller-chosen id (e.g. namespaced per workspace)
     */
    public void add(String id, ListeningQuery query) {
        if (id == null || query == null) {
            throw new IllegalArgumentException("id and query are required");
        }
        synchronized (writeLock) {
            CompiledQuery old = byId.get(id);
            if (old != null) {
                unindex(old);
            }
            int slot = slots.allocate();
            CompiledQuery compiled = compiler.compile(id, slot, query);
            termCount = nextTermId;
            slots.set(slot, compiled);
            indexAnchors(slot, compiled.presearch());
            byId.put(id, compiled);
        }
    }

    /**
     * Parses and adds a standing query.
     *
     * @throws QuerySyntaxException if the query does not parse
     */
    public void add(String id, String query) {
        add(id, ListeningQuery.parse(query));
    }

    /** Removes a query; returns whether it was present. */
    public boolean remove(String id) {
        synchronized (writeLock) {
            CompiledQuery old = byId.remove(id);
            if (old == null) {
                return false;
            }
            unindex(old);
            return true;
        }
    }

    private void unindex(CompiledQuery q) {
        unindexAnchors(q.slot(), q.anchors());
        slots.release(q.slot());
    }

    private void indexAnchors(int slot, Presearch presearch) {
        int[] anchors = presearch.anchors();
        if (anchors.length == 0) {
            int[] always = Arrays.copyOf(alwaysCheck, alwaysCheck.length + 1);
            always[always.length - 1] = slot;
            alwaysCheck = always;
        } else {
            for (int term : anchors) {
                postings.add(term, slot, presearch.guard());
            }
        }
    }

    private void unindexAnchors(int slot, int[] anchors) {
        if (anchors.length == 0) {
            int[] always = alwaysCheck;
            int[] updated = new int[always.length - 1];
            int n = 0;
            for (int s : always) {
                if (s != slot) {
                    updated[n++] = s;
                }
            }
            alwaysCheck = updated;
        } else {
            for (int term : anchors) {
                postings.remove(term, slot);
            }
        }
    }

    /**
     * Re-chooses every query's anchors from the term frequencies observed in the stream so far, so each query is
     * checked only for posts containing its rarest required terms. New queries already use the statistics
     * available when added; call this periodically (e.g. every few minutes) so that queries added before the
     * statistics existed catch up. Matching continues meanwhile; the write lock is taken one query at a time.
     *
     * @return the number of queries whose anchors changed
     */
    public int rebalance() {
        int changed = 0;
        for (CompiledQuery q : byId.values()) {
            synchronized (writeLock) {
                if (byId.get(q.id()) != q) {
                    continue; // replaced or removed meanwhile
                }
                Presearch presearch = compiler.presearch(q.query());
                if (Arrays.equals(sorted(presearch.anchors()), sorted(q.anchors()))) {
                    continue;
                }
                CompiledQuery updated = q.withPresearch(presearch);
                slots.set(q.slot(), updated);
                indexAnchors(q.slot(), presearch); // index under the new anchors before leaving the old ones
                unindexAnchors(q.slot(), q.anchors());
                byId.put(q.id(), updated);
                changed++;
            }
        }
        return changed;
    }

    private static int[] sorted(int[] ids) {
        int[] copy = ids.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** Estimated cost of anchoring on a leaf: observed frequency in the stream, else a static heuristic. */
    private double leafCost(QueryNode leaf) {
        double heuristic = Requirements.cost(leaf);
        int id = existingId(leaf);
        double rate = id < 0 ? -1 : statistics.rate(id);
        return rate < 0 ? heuristic : rate * 1000 + heuristic * 0.001;
    }

    private int existingId(QueryNode leaf) {
        return switch (leaf) {
            case QueryNode.Term t -> exactTerms.lookup(t.text());
            case QueryNode.Prefix p -> prefixes.id(p.prefix());
            case QueryNode.Field f -> exactTerms.lookup(fieldKey(f.field(), f.value()));
            default -> -1;
        };
    }

    private static String fieldKey(PostField field, String normalizedValue) {
        return "" + FIELD_MARK + (char) ('a' + field.ordinal()) + normalizedValue;
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** Number of standing queries. */
    public int size() {
        return byId.size();
    }

    /** Number of distinct terms, prefixes and field values the queries use. */
    public int termCount() {
        return termCount;
    }

    /**
     * Every standing query matching {@code post}, with highlight offsets. The list is in no particular order.
     */
    public List<QueryMatch> match(Post post) {
        PostScratch s = prepare(post);
        List<QueryMatch> out = null;
        for (int i = 0; i < s.candidateCount; i++) {
            CompiledQuery q = slots.get(s.candidates[i]);
            if (q != null && q.root().matches(s)) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(new QueryMatch(q.id(), highlights(q, s)));
            }
        }
        return out == null ? List.of() : out;
    }

    /** Like {@link #match} but only reports ids (no highlights, no result list); returns the number of matches. */
    public int matchIds(Post post, Consumer<String> ids) {
        PostScratch s = prepare(post);
        int count = 0;
        for (int i = 0; i < s.candidateCount; i++) {
            CompiledQuery q = slots.get(s.candidates[i]);
            if (q != null && q.root().matches(s)) {
                ids.accept(q.id());
                count++;
            }
        }
        return count;
    }

    /** Tokenizes the post, records known terms and collects candidate queries into this thread's scratch. */
    private PostScratch prepare(Post post) {
        PostScratch s = SCRATCH.get();
        s.begin(termCount, slots.capacity());
        scanText(post.text(), s);
        scanFields(post, s);
        if (++s.sampleTick % TermStatistics.SAMPLE_EVERY == 0) {
            statistics.sample(s);
        }
        Postings p = postings;
        for (int i = 0; i < s.presentCount; i++) {
            int[] list = p.get(s.present[i]);
            if (list != null) {
                for (int e = 0; e < list.length; e += Postings.STRIDE) {
                    if (s.passesGuard(list, e)) {
                        s.addCandidate(list[e]);
                    }
                }
            }
        }
        for (int slot : alwaysCheck) {
            s.addCandidate(slot);
        }
        return s;
    }

    private void scanText(String text, PostScratch s) {
        PrefixIndex prefixes = this.prefixes.isEmpty() ? null : this.prefixes;
        TokenCursor c = s.cursor.reset(text);
        while (c.next()) {
            char[] buf = c.termBuffer();
            int len = c.termLength();
            int pos = c.position();
            int id = exactTerms.lookup(buf, 0, len, c.hash());
            if (id >= 0) {
                s.addOccurrence(id, pos, c.start(), c.end());
            }
            if (prefixes != null) {
                prefixes.match(buf, 0, len, pos, c.start(), c.end(), s);
            }
            if (c.hasBareWord()) {
                id = exactTerms.lookup(buf, 1, len - 1, c.bareHash());
                if (id >= 0) {
                    s.addOccurrence(id, pos, c.start(), c.end());
                }
                if (prefixes != null) {
                    prefixes.match(buf, 1, len - 1, pos, c.start(), c.end(), s);
                }
            }
        }
    }

    private void scanFields(Post post, PostScratch s) {
        for (PostField field : FIELDS) {
            if (!fieldUsed[field.ordinal()]) {
                continue;
            }
            String value = post.field(field);
            if (value == null) {
                continue;
            }
            char[] buf = s.fieldBuffer;
            buf[0] = FIELD_MARK;
            buf[1] = (char) ('a' + field.ordinal());
            if (field != PostField.SITE) {
                recordField(buf, 2 + field.normalizeInto(value, buf, 2), s);
                continue;
            }
            for (String v : field.indexValues(value)) {
                int len = Math.min(v.length(), buf.length - 2);
                v.getChars(0, len, buf, 2);
                recordField(buf, len + 2, s);
            }
        }
    }

    private void recordField(char[] key, int length, PostScratch s) {
        int id = exactTerms.lookup(key, 0, length, TermDictionary.hash(key, 0, length));
        if (id >= 0) {
            s.addOccurrence(id, -1, 0, 0);
        }
    }

    private static List<Highlight> highlights(CompiledQuery q, PostScratch s) {
        SpanList spans = s.highlights;
        spans.clear();
        q.root().highlight(s, spans);
        int n = spans.size;
        if (n == 0) {
            return List.of();
        }
        if (n == 1) {
            return List.of(new Highlight(spans.starts[0], spans.ends[0]));
        }
        spans.sort();
        int distinct = 1;
        for (int i = 1; i < n; i++) {
            if (spans.starts[i] != spans.starts[i - 1] || spans.ends[i] != spans.ends[i - 1]) {
                spans.starts[distinct] = spans.starts[i];
                spans.ends[distinct] = spans.ends[i];
                distinct++;
            }
        }
        // List.of copies an array argument: build the common short lists without one
        return switch (distinct) {
            case 1 -> List.of(new Highlight(spans.starts[0], spans.ends[0]));
            case 2 -> List.of(new Highlight(spans.starts[0], spans.ends[0]),
                    new Highlight(spans.starts[1], spans.ends[1]));
            default -> {
                Highlight[] out = new Highlight[distinct];
                for (int i = 0; i < distinct; i++) {
                    out[i] = new Highlight(spans.starts[i], spans.ends[i]);
                }
                yield List.of(out);
            }
        };
    }

    /** Writer-side term registration (called under the write lock while compiling). */
    private final class Registry implements TermRegistry {
        @Override
        public int termId(String term) {
            return registered(exactTerms.getOrAdd(term, nextTermId));
        }

        @Override
        public int prefixId(String prefix) {
            return registered(prefixes.getOrAdd(prefix, nextTermId));
        }

        @Override
        public int fieldId(PostField field, String normalizedValue) {
            fieldUsed[field.ordinal()] = true;
            return registered(exactTerms.getOrAdd(fieldKey(field, normalizedValue), nextTermId));
        }

        /** {@code id}, just given by a dictionary asked to add its key with {@code nextTermId} if absent. */
        private int registered(int id) {
            if (id == nextTermId) {
                statistics.register(id);
                nextTermId++;
            }
            return id;
        }
    }
}
