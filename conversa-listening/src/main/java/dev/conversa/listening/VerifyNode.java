package dev.conversa.listening;

/**
 * Compiled query tree evaluated against the term occurrences of one post in {@link PostScratch}.
 * Leaves refer to term ids; positional nodes can also enumerate their token spans for NEAR.
 */
abstract sealed class VerifyNode {

    /** Whether the post in {@code s} satisfies this node. */
    abstract boolean matches(PostScratch s);

    /** Adds the char offsets of this node's positive occurrences in the post to {@code out}. */
    abstract void highlight(PostScratch s, SpanList out);

    /** A node with token positions: term, prefix, phrase or an OR of those. */
    abstract static sealed class Positional extends VerifyNode {
        /** Adds this node's token spans {@code [firstPosition, lastPosition + 1)} in the post to {@code out}. */
        abstract void spans(PostScratch s, SpanList out);
    }

    /** A single term, prefix or field term, present anywhere. */
    static final class TermNode extends Positional {
        final int term;

        TermNode(int term) {
            this.term = term;
        }

        @Override
        boolean matches(PostScratch s) {
            return s.isPresent(term);
        }

        @Override
        void spans(PostScratch s, SpanList out) {
            for (int o = s.first(term); o >= 0; o = s.next(o)) {
                int p = s.position(o);
                out.add(p, p + 1);
            }
        }

        @Override
        void highlight(PostScratch s, SpanList out) {
            for (int o = s.first(term); o >= 0; o = s.next(o)) {
                out.add(s.start(o), s.end(o));
            }
        }
    }

    /** A metadata filter: present or not, never highlighted. */
    static final class FieldNode extends VerifyNode {
        final int term;

        FieldNode(int term) {
            this.term = term;
        }

        @Override
        boolean matches(PostScratch s) {
            return s.isPresent(term);
        }

        @Override
        void highlight(PostScratch s, SpanList out) {
        }
    }

    /** Terms at consecutive positions. */
    static final class PhraseNode extends Positional {
        final int[] terms;

        PhraseNode(int[] terms) {
            this.terms = terms;
        }

        /** Whether the phrase occurs starting at the occurrence {@code first} of its first term. */
        private boolean occursAt(PostScratch s, int first) {
            int p = s.position(first);
            for (int i = 1; i < terms.length; i++) {
                if (s.occurrenceAt(terms[i], p + i) < 0) {
                    return false;
                }
            }
            return true;
        }

        @Override
        boolean matches(PostScratch s) {
            for (int t : terms) {
                if (!s.isPresent(t)) {
                    return false;
                }
            }
            for (int o = s.first(terms[0]); o >= 0; o = s.next(o)) {
                if (occursAt(s, o)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        void spans(PostScratch s, SpanList out) {
            for (int o = s.first(terms[0]); o >= 0; o = s.next(o)) {
                if (occursAt(s, o)) {
                    int p = s.position(o);
                    out.add(p, p + terms.length);
                }
            }
        }

        @Override
        void highlight(PostScratch s, SpanList out) {
            for (int o = s.first(terms[0]); o >= 0; o = s.next(o)) {
                if (occursAt(s, o)) {
                    int last = s.occurrenceAt(terms[terms.length - 1], s.position(o) + terms.length - 1);
                    out.add(s.start(o), s.end(last));
                }
            }
        }
    }

    /** OR of positional nodes (usable as a NEAR operand). */
    static final class PositionalOr extends Positional {
        final Positional[] children;

        PositionalOr(Positional[] children) {
            this.children = children;
        }

        @Override
        boolean matches(PostScratch s) {
            for (Positional c : children) {
                if (c.matches(s)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        void spans(PostScratch s, SpanList out) {
            for (Positional c : children) {
                c.spans(s, out);
            }
        }

        @Override
        void highlight(PostScratch s, SpanList out) {
            for (Positional c : children) {
                c.highlight(s, out);
            }
        }
    }

    /** OR of arbitrary nodes. */
    static final class OrNode extends VerifyNode {
        final VerifyNode[] children;

        OrNode(VerifyNode[] children) {
            this.children = children;
        }

        @Override
        boolean matches(PostScratch s) {
            for (VerifyNode c : children) {
                if (c.matches(s)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        void highlight(PostScratch s, SpanList out) {
            for (VerifyNode c : children) {
                if (c.matches(s)) {
                    c.highlight(s, out);
                }
            }
        }
    }

    /** AND; children are ordered cheapest first. */
    static final class AndNode extends VerifyNode {
        final VerifyNode[] children;

        AndNode(VerifyNode[] children) {
            this.children = children;
        }

        @Override
        boolean matches(PostScratch s) {
            for (VerifyNode c : children) {
                if (!c.matches(s)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        void highlight(PostScratch s, SpanList out) {
            for (VerifyNode c : children) {
                c.highlight(s, out);
            }
        }
    }

    static final class NotNode extends VerifyNode {
        final VerifyNode child;

        NotNode(VerifyNode child) {
            this.child = child;
        }

        @Override
        boolean matches(PostScratch s) {
            return !child.matches(s);
        }

        @Override
        void highlight(PostScratch s, SpanList out) {
        }
    }

    /**
     * NEAR/n: spans a and b such that the tokens strictly between them number at most n
     * ({@code max(ends) - min(starts) - width(a) - width(b) <= n}); ONEAR/n also needs a to end before b starts.
     * This is exactly Lucene's {@code SpanNearQuery} with slop n (unordered / in order).
     */
    static final class NearNode extends VerifyNode {
        final Positional left;
        final Positional right;
        final int distance;
        final boolean ordered;

        NearNode(Positional left, Positional right, int distance, boolean ordered) {
            this.left = left;
            this.right = right;
            this.distance = distance;
            this.ordered = ordered;
        }

        @Override
        boolean matches(PostScratch s) {
            if (!left.matches(s) || !right.matches(s)) {
                return false;
            }
            SpanList a = s.leftSpans;
            SpanList b = s.rightSpans;
            a.clear();
            b.clear();
            left.spans(s, a);
            right.spans(s, b);
            for (int i = 0; i < a.size; i++) {
                int as = a.starts[i];
                int ae = a.ends[i];
                for (int j = 0; j < b.size; j++) {
                    int bs = b.starts[j];
                    int be = b.ends[j];
                    if (ordered) {
                        int gap = bs - ae;
                        if (gap >= 0 && gap <= distance) {
                            return true;
                        }
                    } else if (Math.max(ae, be) - Math.min(as, bs) - (ae - as) - (be - bs) <= distance) {
                        return true;
                    }
                }
            }
            return false;
        }

        @Override
        void highlight(PostScratch s, SpanList out) {
            left.highlight(s, out);
            right.highlight(s, out);
        }
    }
}
