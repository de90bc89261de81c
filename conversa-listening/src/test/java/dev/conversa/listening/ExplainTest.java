package dev.conversa.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExplainTest {

    @Test
    void andRequiresEveryChildAndOrRequiresAnyAlternative() {
        QueryExplanation e = ListeningQuery.parse("(iberia OR #iberia) AND (refund* OR reembolso) -spam").explain();
        assertThat(e.requiredAnyOf()).containsExactly(Set.of("iberia", "#iberia"), Set.of("refund*", "reembolso"));
        assertThat(e.excluded()).containsExactly("spam");
        assertThat(e.matchesWithoutTerms()).isFalse();
        assertThat(e.describe()).isEqualTo("requires: (iberia OR #iberia) AND (refund* OR reembolso); excludes: spam");
    }

    @Test
    void phrasesAndNearRequireAllTheirWords() {
        QueryExplanation e = ListeningQuery.parse("\"atención al cliente\" lang:es").explain();
        assertThat(e.requiredAnyOf()).containsExactly(Set.of("atencion"), Set.of("al"), Set.of("cliente"),
                Set.of("lang:es"));
        // the anchor avoids the stop word "al" and the very common field value
        assertThat(e.anchors()).hasSize(1).isSubsetOf(Set.of("atencion", "cliente"));
        assertThat(ListeningQuery.parse("vuelo NEAR/3 retras*").explain().requiredAnyOf())
                .containsExactly(Set.of("vuelo"), Set.of("retras*"));
    }

    @Test
    void pureNegationsRequireNothing() {
        QueryExplanation e = ListeningQuery.parse("NOT spam").explain();
        assertThat(e.requiredAnyOf()).isEmpty();
        assertThat(e.anchors()).isEmpty();
        assertThat(e.matchesWithoutTerms()).isTrue();
        assertThat(ListeningQuery.parse("iberia OR NOT spam").explain().requiredAnyOf()).isEqualTo(List.of());
    }
}
