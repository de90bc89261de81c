package dev.conversa.listening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.listening.QueryNode.And;
import dev.conversa.listening.QueryNode.Field;
import dev.conversa.listening.QueryNode.Near;
import dev.conversa.listening.QueryNode.Not;
import dev.conversa.listening.QueryNode.Or;
import dev.conversa.listening.QueryNode.Phrase;
import dev.conversa.listening.QueryNode.Prefix;
import dev.conversa.listening.QueryNode.Term;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    private static QueryNode parse(String q) {
        return ListeningQuery.parse(q).root();
    }

    private static Term t(String s) {
        return new Term(s);
    }

    @Test
    void termsAreNormalisedLikePosts() {
        assertThat(parse("Atención")).isEqualTo(t("atencion"));
        assertThat(parse("#Iberia")).isEqualTo(t("#iberia"));
        assertThat(parse("@Vueling")).isEqualTo(t("@vueling"));
        assertThat(parse("buenísimooo")).isEqualTo(t("buenisimo"));
        assertThat(parse("😡")).isEqualTo(t("😡"));
    }

    @Test
    void booleanOperators() {
        assertThat(parse("a AND b")).isEqualTo(new And(List.of(t("a"), t("b"))));
        assertThat(parse("a b")).isEqualTo(new And(List.of(t("a"), t("b"))));
        assertThat(parse("a OR b OR c")).isEqualTo(new Or(List.of(t("a"), t("b"), t("c"))));
        assertThat(parse("NOT spam")).isEqualTo(new Not(t("spam")));
        assertThat(parse("a NOT b")).isEqualTo(new And(List.of(t("a"), new Not(t("b")))));
        assertThat(parse("a -b")).isEqualTo(new And(List.of(t("a"), new Not(t("b")))));
        assertThat(parse("-\"x y\"")).isEqualTo(new Not(new Phrase(List.of("x", "y"))));
    }

    @Test
    void lowercaseOperatorsAreWords() {
        assertThat(parse("rock and roll")).isEqualTo(new And(List.of(t("rock"), t("and"), t("roll"))));
    }

    @Test
    void precedenceIsNearThenNotThenAndThenOr() {
        assertThat(parse("a OR b AND c")).isEqualTo(new Or(List.of(t("a"), new And(List.of(t("b"), t("c"))))));
        assertThat(parse("a AND b OR c")).isEqualTo(new Or(List.of(new And(List.of(t("a"), t("b"))), t("c"))));
        assertThat(parse("NOT a NEAR/2 b")).isEqualTo(new Not(new Near(t("a"), t("b"), 2, false)));
        assertThat(parse("x a NEAR/2 b")).isEqualTo(new And(List.of(t("x"), new Near(t("a"), t("b"), 2, false))));
        assertThat(parse("(a OR b) c")).isEqualTo(new And(List.of(new Or(List.of(t("a"), t("b"))), t("c"))));
    }

    @Test
    void phrasesPrefixesAndFields() {
        assertThat(parse("\"Atención al cliente\"")).isEqualTo(new Phrase(List.of("atencion", "al", "cliente")));
        assertThat(parse("\"hola\"")).isEqualTo(t("hola"));
        assertThat(parse("e-commerce")).isEqualTo(new Phrase(List.of("e", "commerce")));
        assertThat(parse("Reembols*")).isEqualTo(new Prefix("reembols"));
        assertThat(parse("#refund*")).isEqualTo(new Prefix("#refund"));
        assertThat(parse("lang:ES")).isEqualTo(new Field(PostField.LANG, "es"));
        assertThat(parse("author:@Iberia")).isEqualTo(new Field(PostField.AUTHOR, "iberia"));
        assertThat(parse("author:\"John Doe\"")).isEqualTo(new Field(PostField.AUTHOR, "john doe"));
        assertThat(parse("site:https://www.Acme.com/x")).isEqualTo(new Field(PostField.SITE, "acme.com"));
        assertThat(parse("source:twitter country:mx")).isEqualTo(new And(List.of(
                new Field(PostField.SOURCE, "twitter"), new Field(PostField.COUNTRY, "mx"))));
        assertThat(parse("https://t.co/x")).isEqualTo(t("https://t.co/x"));
    }

    @Test
    void proximity() {
        assertThat(parse("vuelo NEAR/3 retraso")).isEqualTo(new Near(t("vuelo"), t("retraso"), 3, false));
        assertThat(parse("vuelo ONEAR/0 cancelado")).isEqualTo(new Near(t("vuelo"), t("cancelado"), 0, true));
        assertThat(parse("(iberia OR \"air europa\") NEAR/5 refund*")).isEqualTo(new Near(
                new Or(List.of(t("iberia"), new Phrase(List.of("air", "europa")))), new Prefix("refund"), 5, false));
    }

    @Test
    void canonicalFormParsesBackToTheSameTree() {
        for (String q : List.of("(iberia OR #iberia) AND (refund* OR \"atención al cliente\") -spam",
                "NOT (a OR b)", "x (a NEAR/2 (b OR ca*)) lang:es", "author:\"john doe\" site:acme.com",
                "\"https://t.co/x\" OR 😡", "a ONEAR/4 \"b c\"")) {
            QueryNode tree = parse(q);
            assertThat(parse(tree.toString())).as(q).isEqualTo(tree);
        }
    }

    @Test
    void errorsNameThePositionAndWhatWasExpected() {
        assertError("(iberia OR vueling", 18, "')' to close the '(' at position 0", "end of query");
        assertError("iberia AND", 10, "a term, phrase or '('", "end of query");
        assertError("iberia OR OR x", 10, "a term, phrase or '('", "'OR'");
        assertError("", 0, "a term, phrase or '('", "end of query");
        assertError("iberia)", 6, "AND, OR, NOT or end of query", "')'");
        assertError("\"atención al", 12, "closing '\"' for the phrase opened at position 0", "end of query");
        assertError("a NEAR b", 6, "'/' and a distance after NEAR (e.g. NEAR/3)", "nothing");
        assertError("a NEAR/x b", 7, "a distance of 0 to 9999 tokens", "'x'");
        assertError("a NEAR/2 lang:es", 9, "a term, phrase, wildcard or OR-group of those as NEAR operand",
                "'lang:es'");
        assertError("a NEAR/2 b NEAR/2 c", 11, "AND, OR or end of query (NEAR cannot be chained)", "'NEAR/2'");
        assertError("foo:bar", 0, "a field name (lang, author, country, site, source)", "'foo'");
        assertError("lang: es", 5, "a value after 'lang:'", "nothing");
        assertError("r*", 0, "2 to 60 characters before '*'", "'r'");
        assertError("re*und", 2, "'*' only at the end of a word", "'re*und'");
        assertError("iberia AND !!!", 11, "a search term", "'!!!'");
    }

    private static void assertError(String query, int position, String expected, String found) {
        assertThatThrownBy(() -> ListeningQuery.parse(query))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.position()).as("position").isEqualTo(position);
                    assertThat(e.expected()).as("expected").isEqualTo(expected);
                    assertThat(e.found()).as("found").isEqualTo(found);
                    assertThat(e.getMessage()).isEqualTo(
                            "Expected " + expected + " at position " + position + " but found " + found);
                });
        assertThat(ListeningQuery.validate(query)).isPresent();
    }

    @Test
    void validateAcceptsValidQueries() {
        assertThat(ListeningQuery.validate("iberia AND (vuelo OR flight)")).isEmpty();
    }
}
