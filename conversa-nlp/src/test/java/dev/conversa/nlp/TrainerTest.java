package dev.conversa.nlp;

import dev.conversa.nlp.train.LabelledText;
import dev.conversa.nlp.train.SentimentModel;
import dev.conversa.nlp.train.SentimentTrainer;
import dev.conversa.nlp.train.TrainingOptions;
import dev.conversa.nlp.train.TrainingResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trainer on synthetic data a workspace could produce (no research data needed). */
class TrainerTest {

    /** A workspace where "pedido" complaints are about a late parcel: words the lexicon does not know. */
    private static List<LabelledText> workspaceCorrections() {
        Random rnd = new Random(7);
        String[] neg = {"el pedido XZ no ha llegado", "mi paquete lleva una semana en reparto", "otra vez el repartidor no vino",
                "el paquete sigue en almacén", "me cobraron dos veces el envío"};
        String[] neu = {"cuál es el horario de la tienda", "dónde está la tienda de Valencia", "hacéis envíos a Canarias",
                "qué talla es la camiseta", "tenéis el modelo en azul"};
        String[] pos = {"ya me llegó el paquete, gracias", "me encanta la camiseta", "todo perfecto con el envío",
                "muy buena atención de Laura", "genial la tienda de Valencia"};
        List<LabelledText> out = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            int k = rnd.nextInt(5);
            String suffix = " " + (char) ('a' + rnd.nextInt(26)) + rnd.nextInt(100);
            out.add(new LabelledText(SentimentLabel.NEGATIVE, neg[k] + suffix, "es", "console"));
            out.add(new LabelledText(SentimentLabel.NEUTRAL, neu[k] + suffix, "es", "console"));
            out.add(new LabelledText(SentimentLabel.POSITIVE, pos[k] + suffix, "es", "console"));
        }
        return out;
    }

    @Test
    void learnsTheWorkspaceDomainAndRoundTripsAsBytes() throws IOException {
        TrainingResult r = new SentimentTrainer(null).train(workspaceCorrections(), TrainingOptions.defaults());
        assertThat(r.adopted()).isTrue();
        assertThat(r.heldOutMetrics().macroF1()).isGreaterThan(r.baselineMetrics().macroF1());
        assertThat(r.heldOutMetrics().macroF1()).isGreaterThan(0.9);
        assertThat(r.examplesPerLanguage()).containsEntry("es", 1800);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.model().write(bytes);
        SentimentModel back = SentimentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        String t = "el paquete sigue en almacén desde el lunes";
        assertThat(back.analyze(t, "es").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(back.analyze(t, "es").confidence())
                .isCloseTo(r.model().analyze(t, "es").confidence(), org.assertj.core.data.Offset.offset(1e-3));
        // languages without a model go to the shipped default
        assertThat(back.languages()).containsExactly("es");
        assertThat(back.analyze("I love this shop", "en").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(back.analyze("", "es").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(back.analyze("x".repeat(10_000), "es")).isNotNull();
    }

    @Test
    void tooFewExamplesAreNotAdopted() {
        List<LabelledText> few = workspaceCorrections().subList(0, 30);
        TrainingResult r = new SentimentTrainer(null).train(few, TrainingOptions.defaults());
        assertThat(r.adopted()).isFalse();
        assertThat(r.model().languages()).isEmpty();
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> SentimentModel.read(new ByteArrayInputStream(new byte[]{1, 2, 3})))
                .isInstanceOf(IOException.class);
    }
}
