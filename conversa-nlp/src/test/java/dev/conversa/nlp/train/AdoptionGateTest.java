package dev.conversa.nlp.train;

import static dev.conversa.nlp.SentimentLabel.NEGATIVE;
import static dev.conversa.nlp.SentimentLabel.NEUTRAL;
import static dev.conversa.nlp.SentimentLabel.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.nlp.SentimentLabel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdoptionGateTest {
    private static final int PER_CLASS = 200;

    /** 200 texts per class, in the order negative, neutral, positive. */
    private static List<SentimentLabel> gold() {
        List<SentimentLabel> g = new ArrayList<>();
        for (SentimentLabel l : List.of(NEGATIVE, NEUTRAL, POSITIVE)) for (int i = 0; i < PER_CLASS; i++) g.add(l);
        return g;
    }

    /** Right on the first {@code right[c]} texts of class c, the next label (cyclically) on the others. */
    private static List<SentimentLabel> predictions(int negRight, int neuRight, int posRight) {
        int[] right = {negRight, neuRight, posRight};
        List<SentimentLabel> p = new ArrayList<>();
        List<SentimentLabel> g = gold();
        for (int i = 0; i < g.size(); i++) {
            SentimentLabel l = g.get(i);
            p.add(i % PER_CLASS < right[l.ordinal()] ? l : SentimentLabel.values()[(l.ordinal() + 1) % 3]);
        }
        return p;
    }

    private static AdoptionGate.Decision decide(List<SentimentLabel> candidate, List<SentimentLabel> current) {
        return AdoptionGate.decide("es", gold(), candidate, current, 42);
    }

    @Test
    void aCandidateClearlyBetterOnBothIsAdopted() {
        var d = decide(predictions(180, 150, 170), predictions(120, 120, 120));
        assertThat(d.adopt()).isTrue();
        assertThat(d.macroF1().low()).isPositive();
        assertThat(d.negativeRecall().value()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(d.reason()).startsWith("es: adopted").contains("600 held-out texts");
    }

    @Test
    void aCandidateBetterOnMacroF1ButWorseOnNegativeRecallIsRefused() {
        var d = decide(predictions(100, 190, 190), predictions(150, 120, 120));
        assertThat(d.macroF1().low()).isPositive();
        assertThat(d.negativeRecall().high()).isNegative();
        assertThat(d.adopt()).isFalse();
        assertThat(d.reason()).contains("kept the current model: negative recall is not better beyond noise");
    }

    @Test
    void aCandidateThatFindsMoreComplaintsButIsWorseOverallIsRefused() {
        var d = decide(predictions(195, 60, 60), predictions(150, 150, 150));
        assertThat(d.negativeRecall().low()).isPositive();
        assertThat(d.adopt()).isFalse();
        assertThat(d.reason()).contains("macro-F1 is not better beyond noise");
    }

    @Test
    void aDifferenceWithinNoiseIsRefused() {
        // two more complaints and two more neutral texts right out of 600: the interval includes zero
        var d = decide(predictions(152, 152, 150), predictions(150, 150, 150));
        assertThat(d.macroF1().value()).isPositive();
        assertThat(d.negativeRecall().value()).isPositive();
        assertThat(d.negativeRecall().low()).isLessThanOrEqualTo(0);
        assertThat(d.adopt()).isFalse();
        assertThat(decide(predictions(150, 150, 150), predictions(150, 150, 150)).adopt()).as("identical").isFalse();
    }

    @Test
    void theDecisionIsTheSameForTheSameSeed() {
        var a = decide(predictions(170, 140, 150), predictions(150, 130, 140));
        var b = decide(predictions(170, 140, 150), predictions(150, 130, 140));
        assertThat(a).isEqualTo(b);
    }
}
