package dev.conversa.listening;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
    private static final VarHandle MASKS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final int MASK_BUCKETS = 4096;
    private static final char FIELD_MARK = '\u0000';

    private final Object writeLock = new Object();
    private final TermDictionary exactTerms = new TermDictionary();
    private final TermDictionary prefixTerms = new TermDictionary();
    /** Per bucket of the first two chars: bit L set if some wildcard prefix of length L starts with them. */
    private final long[] prefixLengths = new long[MASK_BUCKETS];
    private final Postings postings = new Postings();
    private final QuerySlots slots = new QuerySlots();
    private final Map<String, CompiledQuery> byId = new ConcurrentHashMap<>();
    private final boolean[] fieldUsed = new boolean[PostField.values().length];
    private final QueryCompiler compiler = new QueryCompiler(new Registry());

    private volatile int termCount;
    private volatile boolean hasPrefixes;
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
            if (compiled.anchors().length == 0) {
                int[] always = Arrays.copyOf(alwaysCheck, alwaysCheck.length + 1);
                always[always.length - 1] = slot;
                alwaysCheck = always;
            } else {
                for (int term : compiled.anchors()) {
                    postings.add(term, slot);
                }
            }
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
        if (q.anchors().length == 0) {
            int[] always = alwaysCheck;
            int[] updated = new int[always.length - 1];
            int n = 0;
            for (int slot : always) {
                if (slot != q.slot()) {
                    updated[n++] = slot;
                }
            }
            alwaysCheck = updated;
        } else {
            for (int term : q.anchors()) {
                postings.remove(term, q.slot());
            }
        }
        slots.release(q.slot());
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
        Postings p = postings;
        for (int i = 0; i < s.presentCount; i++) {
            int[] list = p.get(s.present[i]);
            if (list != null) {
                for (int slot : list) {
                    s.addCandidate(slot);
                }
            }
        }
        for (int slot : alwaysCheck) {
            s.addCandidate(slot);
        }
        return s;
    }

    private void scanText(String text, PostScratch s) {
        boolean prefixes = hasPrefixes;
        TokenCursor c = s.cursor.reset(text);
        while (c.next()) {
            char[] buf = c.termBuffer();
            int len = c.termLength();
            int pos = c.position();
            record(buf, 0, len, pos, c.start(), c.end(), prefixes, s);
            if (c.hasBareWord()) {
                record(buf, 1, len - 1, pos, c.start(), c.end(), prefixes, s);
            }
        }
    }

    /** Looks up one token (and the wildcard prefixes it starts with) and records the known ones. */
    private void record(char[] buf, int off, int len, int pos, int start, int end, boolean prefixes, PostScratch s) {
        int h = 0;
        long lengths = 0;
        for (int i = 0; i < len; i++) {
            h = 31 * h + buf[off + i];
            if (i == 1 && prefixes) {
                lengths = (long) MASKS.getAcquire(prefixLengths, bucket(buf[off], buf[off + 1]));
            }
            if (lengths != 0 && i < 63 && (lengths & (1L << (i + 1))) != 0) {
                int id = prefixTerms.lookup(buf, off, i + 1, h);
                if (id >= 0) {
                    s.addOccurrence(id, pos, start, end);
                }
            }
        }
        int id = exactTerms.lookup(buf, off, len, h);
        if (id >= 0) {
            s.addOccurrence(id, pos, start, end);
        }
    }

    private static int bucket(char first, char second) {
        return (first * 31 + second) & (MASK_BUCKETS - 1);
    }

    private void scanFields(Post post, PostScratch s) {
        for (PostField field : PostField.values()) {
            if (!fieldUsed[field.ordinal()]) {
                continue;
            }
            String value = post.field(field);
            if (value == null) {
                continue;
            }
            for (String v : field.indexValues(value)) {
                char[] buf = s.fieldBuffer;
                int len = Math.min(v.length(), buf.length - 2);
                buf[0] = FIELD_MARK;
                buf[1] = (char) ('a' + field.ordinal());
                v.getChars(0, len, buf, 2);
                int id = exactTerms.lookup(buf, 0, len + 2, TermDictionary.hash(buf, 0, len + 2));
                if (id >= 0) {
                    s.addOccurrence(id, -1, 0, 0);
                }
            }
        }
    }

    private static List<Highlight> highlights(CompiledQuery q, PostScratch s) {
        SpanList spans = s.highlights;
        spans.clear();
        q.root().highlight(s, spans);
        if (spans.size == 0) {
            return List.of();
        }
        long[] packed = new long[spans.size];
        for (int i = 0; i < spans.size; i++) {
            packed[i] = ((long) spans.starts[i] << 32) | spans.ends[i];
        }
        Arrays.sort(packed);
        List<Highlight> out = new ArrayList<>(packed.length);
        long previous = -1;
        for (long p : packed) {
            if (p != previous) {
                out.add(new Highlight((int) (p >>> 32), (int) p));
                previous = p;
            }
        }
        return out;
    }

    /** Writer-side term registration (called under the write lock while compiling). */
    private final class Registry implements TermRegistry {
        @Override
        public int termId(String term) {
            return register(exactTerms, term);
        }

        @Override
        public int prefixId(String prefix) {
            int id = register(prefixTerms, prefix);
            int b = bucket(prefix.charAt(0), prefix.charAt(1));
            long bits = (long) MASKS.getAcquire(prefixLengths, b);
            MASKS.setRelease(prefixLengths, b, bits | (1L << prefix.length()));
            hasPrefixes = true;
            return id;
        }

        @Override
        public int fieldId(PostField field, String normalizedValue) {
            fieldUsed[field.ordinal()] = true;
            return register(exactTerms, "" + FIELD_MARK + (char) ('a' + field.ordinal()) + normalizedValue);
        }

        private int register(TermDictionary dictionary, String key) {
            int id = dictionary.getOrAdd(key, nextTermId);
            if (id == nextTermId) {
                nextTermId++;
            }
            return id;
        }
    }
}
