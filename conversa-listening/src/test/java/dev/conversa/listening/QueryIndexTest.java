package dev.conversa.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QueryIndexTest {

    private final QueryIndex index = new QueryIndex();

    private Set<String> ids(Post post) {
        return index.match(post).stream().map(QueryMatch::queryId).collect(Collectors.toSet());
    }

    private boolean matches(String query, String text) {
        QueryIndex single = new QueryIndex();
        single.add("q", query);
        return !single.match(Post.of(text)).isEmpty();
    }

    @Test
    void caseAccentAndElongationInsensitive() {
        assertThat(matches("atención", "Pésima ATENCION del banco")).isTrue();
        assertThat(matches("atencion", "Pésima atención")).isTrue();
        assertThat(matches("bueno", "buenoooo")).isTrue();
        assertThat(matches("bueno", "buenos días")).isFalse();
    }

    @Test
    void booleanSemantics() {
        assertThat(matches("iberia AND (vuelo OR flight)", "Mi vuelo con Iberia")).isTrue();
        assertThat(matches("iberia AND (vuelo OR flight)", "Iberia")).isFalse();
        assertThat(matches("iberia -spam", "iberia spam")).isFalse();
        assertThat(matches("NOT spam", "hola")).isTrue();
        assertThat(matches("NOT spam", "spam")).isFalse();
        assertThat(matches("iberia OR NOT spam", "nada")).isTrue();
    }

    @Test
    void hashtagsMentionsAndBareWords() {
        assertThat(matches("iberia", "Gracias #Iberia")).isTrue();
        assertThat(matches("iberia", "Gracias @Iberia")).isTrue();
        assertThat(matches("#iberia", "Gracias Iberia")).isFalse();
        assertThat(matches("#iberia", "Gracias #iberia")).isTrue();
        assertThat(matches("@iberia", "Gracias #iberia")).isFalse();
        assertThat(matches("\"vuelo iberia\"", "mi vuelo #Iberia")).isTrue();
    }

    @Test
    void prefixesSharingTheirFirstCharsAllMatch() {
        index.add("two", "re*");
        index.add("three", "ref*");
        index.add("four", "refu*");
        index.add("six", "refund*");
        index.add("six again", "refund* AND now");
        index.add("other", "refi*");
        assertThat(ids(Post.of("refunds now"))).containsExactlyInAnyOrder("two", "three", "four", "six", "six again");
        assertThat(ids(Post.of("refuse"))).containsExactlyInAnyOrder("two", "three", "four");
        assertThat(ids(Post.of("re"))).containsExactly("two");
        assertThat(ids(Post.of("r e f u n d"))).isEmpty();

        index.remove("six");
        assertThat(ids(Post.of("refunds now"))).containsExactlyInAnyOrder("two", "three", "four", "six again");
        assertThat(index.match(Post.of("#Refunds")).stream().filter(m -> m.queryId().equals("four")).findFirst()
                .orElseThrow().highlights()).containsExactly(new Highlight(0, 8));
    }

    @Test
    void phrasesAndPrefixes() {
        assertThat(matches("\"atención al cliente\"", "la Atención al Cliente es mala")).isTrue();
        assertThat(matches("\"atención al cliente\"", "la atención es mala para el cliente")).isFalse();
        assertThat(matches("reembols*", "quiero mi REEMBOLSO")).isTrue();
        assertThat(matches("reembols*", "reembolsen ya")).isTrue();
        assertThat(matches("reembols*", "reembol")).isFalse();
        assertThat(matches("refund*", "#RefundNow")).isTrue();
    }

    @Test
    void proximityCountsTokensBetween() {
        assertThat(matches("vuelo NEAR/0 retrasado", "vuelo retrasado")).isTrue();
        assertThat(matches("vuelo NEAR/0 retrasado", "retrasado vuelo")).isTrue();
        assertThat(matches("vuelo NEAR/1 retrasado", "vuelo muy retrasado")).isTrue();
        assertThat(matches("vuelo NEAR/1 retrasado", "vuelo muy muy retrasado")).isFalse();
        assertThat(matches("vuelo ONEAR/2 retrasado", "retrasado el vuelo")).isFalse();
        assertThat(matches("vuelo ONEAR/2 retrasado", "vuelo ayer retrasado")).isTrue();
        assertThat(matches("(iberia OR vueling) NEAR/2 \"sin respuesta\"", "Vueling sigo sin respuesta")).isTrue();
    }

    @Test
    void fieldFilters() {
        index.add("es", "vuelo lang:es");
        index.add("author", "author:@Iberia");
        index.add("site", "site:acme.com");
        index.add("tw", "source:twitter country:ES");
        Post post = new Post("mi vuelo", "ES", "iberia", "es", "news.acme.com", "Twitter");
        assertThat(ids(post)).containsExactlyInAnyOrder("es", "author", "site", "tw");
        assertThat(ids(new Post("mi vuelo", "en", "vueling", "es", "acme.org", "facebook"))).isEmpty();
    }

    @Test
    void highlightsAreOffsetsOfPositiveTermsAndPhrases() {
        index.add("q", "(iberia OR vuelo) AND \"sin respuesta\" -spam");
        String text = "Iberia: sigo sin respuesta, mi vuelo sin respuesta";
        List<QueryMatch> matches = index.match(Post.of(text));
        assertThat(matches).hasSize(1);
        assertThat(matches.get(0).highlights()).extracting(h -> h.in(text))
                .containsExactly("Iberia", "sin respuesta", "vuelo", "sin respuesta");
    }

    @Test
    void addRemoveReplace() {
        index.add("a", "iberia");
        index.add("b", "iberia AND vuelo");
        index.add("c", "NOT spam");
        assertThat(index.size()).isEqualTo(3);
        assertThat(ids(Post.of("vuelo iberia"))).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(index.remove("a")).isTrue();
        assertThat(index.remove("a")).isFalse();
        assertThat(index.remove("c")).isTrue();
        assertThat(ids(Post.of("vuelo iberia"))).containsExactly("b");
        index.add("b", "vueling"); // replace
        assertThat(ids(Post.of("vuelo iberia"))).isEmpty();
        assertThat(ids(Post.of("vueling"))).containsExactly("b");
        index.add("d", "iberia"); // reuses a freed slot
        assertThat(ids(Post.of("vuelo iberia"))).containsExactly("d");
        assertThat(index.contains("a")).isFalse();
        assertThat(index.contains("d")).isTrue();
    }

    @Test
    void matchIdsReportsTheSameQueries() {
        index.add("a", "iberia");
        index.add("b", "vuelo*");
        List<String> seen = new java.util.ArrayList<>();
        assertThat(index.matchIds(Post.of("vuelos iberia"), seen::add)).isEqualTo(2);
        assertThat(seen).containsExactlyInAnyOrder("a", "b");
    }
}
