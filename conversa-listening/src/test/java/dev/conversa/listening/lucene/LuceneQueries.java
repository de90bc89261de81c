package dev.conversa.listening.lucene;

import dev.conversa.listening.Post;
import dev.conversa.listening.PostField;
import dev.conversa.listening.QueryNode;
import dev.conversa.listening.QueryNode.And;
import dev.conversa.listening.QueryNode.Field;
import dev.conversa.listening.QueryNode.Near;
import dev.conversa.listening.QueryNode.Not;
import dev.conversa.listening.QueryNode.Or;
import dev.conversa.listening.QueryNode.Phrase;
import dev.conversa.listening.QueryNode.Prefix;
import dev.conversa.listening.QueryNode.Term;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Translates listening queries and posts to Lucene, with the same semantics, for use with Lucene Monitor as a test
 * oracle and as the benchmark baseline. Text goes to field {@value #TEXT} (analysed by {@link ListeningAnalyzer});
 * metadata goes to one keyword field per {@link PostField}, holding {@link PostField#indexValues} values.
 */
public final class LuceneQueries {

    public static final String TEXT = "text";

    private LuceneQueries() {
    }

    /** The Lucene document for a post. */
    public static Document document(Post post) {
        Document doc = new Document();
        doc.add(new TextField(TEXT, post.text(), Store.NO));
        for (PostField field : PostField.values()) {
            String value = post.field(field);
            if (value != null) {
                for (String v : field.indexValues(value)) {
                    doc.add(new StringField(field.queryName(), v, Store.NO));
                }
            }
        }
        return doc;
    }

    /** The Lucene query equivalent to {@code node}. */
    public static Query query(QueryNode node) {
        return switch (node) {
            case Term t -> new TermQuery(term(t.text()));
            case Prefix p -> new PrefixQuery(term(p.prefix()));
            case Field f -> new TermQuery(new org.apache.lucene.index.Term(f.field().queryName(), f.value()));
            case Phrase p -> {
                PhraseQuery.Builder b = new PhraseQuery.Builder();
                for (int i = 0; i < p.terms().size(); i++) {
                    b.add(term(p.terms().get(i)), i);
                }
                yield b.build();
            }
            case Not n -> new BooleanQuery.Builder()
                    .add(new MatchAllDocsQuery(), Occur.FILTER)
                    .add(query(n.child()), Occur.MUST_NOT)
                    .build();
            case And a -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                boolean positive = false;
                for (QueryNode c : a.children()) {
                    if (c instanceof Not n) {
                        b.add(query(n.child()), Occur.MUST_NOT);
                    } else {
                        b.add(query(c), Occur.MUST);
                        positive = true;
                    }
                }
                if (!positive) {
                    b.add(new MatchAllDocsQuery(), Occur.FILTER);
                }
                yield b.build();
            }
            case Or o -> {
                BooleanQuery.Builder b = new BooleanQuery.Builder();
                for (QueryNode c : o.children()) {
                    b.add(query(c), Occur.SHOULD);
                }
                yield b.build();
            }
            case Near n -> new SpanNearQuery(new SpanQuery[] {span(n.left()), span(n.right())}, n.distance(),
                    n.ordered());
        };
    }

    private static SpanQuery span(QueryNode node) {
        return switch (node) {
            case Term t -> new SpanTermQuery(term(t.text()));
            case Prefix p -> new SpanMultiTermQueryWrapper<>(new PrefixQuery(term(p.prefix())));
            case Phrase p -> new SpanNearQuery(
                    p.terms().stream().map(w -> new SpanTermQuery(term(w))).toArray(SpanQuery[]::new), 0, true);
            case Or o -> new SpanOrQuery(o.children().stream().map(LuceneQueries::span).toArray(SpanQuery[]::new));
            default -> throw new IllegalArgumentException("not a positional query: " + node);
        };
    }

    private static org.apache.lucene.index.Term term(String text) {
        return new org.apache.lucene.index.Term(TEXT, text);
    }
}
