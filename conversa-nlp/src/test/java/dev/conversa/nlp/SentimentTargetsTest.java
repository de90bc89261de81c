package dev.conversa.nlp;

import dev.conversa.nlp.eval.Evaluator;
import dev.conversa.nlp.eval.Metrics;
import dev.conversa.nlp.lexicon.AfinnSentimentAnalyzer;
import dev.conversa.nlp.lexicon.SentimentLexicons;
import dev.conversa.nlp.train.LabelledText;
import dev.conversa.nlp.train.SentimentModel;
import dev.conversa.nlp.train.SentimentTrainer;
import dev.conversa.nlp.train.TrainingOptions;
import dev.conversa.nlp.train.TrainingResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static dev.conversa.nlp.SentimentLabel.NEGATIVE;
import static org.assertj.core.api.Assertions.assertThat;

/** Done-means 1 and 2 on the research data (skipped when it is absent). */
class SentimentTargetsTest {

    /** Done-means 1: the shipped default beats VADER and AFINN in macro-F1 on every dev file. */
    @ParameterizedTest
    @ValueSource(strings = {"en-airline-dev", "en-xlmt-dev", "en-sentiment140-dev", "es-airline-dev",
            "es-tass2020-dev", "es-xlmt-dev"})
    void shippedDefaultBeatsVaderAndAfinn(String file) {
        List<LabelledText> data = SharedData.read(file);
        double conversa = Evaluator.evaluate(SentimentLexicons.shippedDefault(), data).macroF1();
        double vader = Evaluator.evaluate(SentimentLexicons.vader(), data).macroF1();
        double afinn = Evaluator.evaluate(AfinnSentimentAnalyzer.instance(), data).macroF1();
        System.out.printf("%s macro-F1: default %.3f, VADER %.3f, AFINN %.3f%n", file, conversa, vader, afinn);
        assertThat(conversa).as(file + " vs VADER").isGreaterThan(vader);
        assertThat(conversa).as(file + " vs AFINN").isGreaterThan(afinn);
    }

    /**
     * The product's trainer on the train files only (no train line repeats a dev tweet since the shared data was
     * cleaned on 2026-12-02); also checks the stored bytes. The floors sit a little under what docs/sentiment.md
     * measured on the cleaned files (TASS 2020 dev macro-F1 0.533, en-xlmt-dev 0.626, negative recall 0.862 on
     * en-airline-dev and 0.891 on es-airline-dev), so a regression fails here; the higher targets of the
     * language-quality issue are not claimed.
     */
    @Test
    void trainedModelReachesTargets() throws IOException {
        List<LabelledText> train = new ArrayList<>(SharedData.read("en-airline-train", "en-xlmt-train",
                "es-airline-train", "es-tass2020-train", "es-tass2012-train", "es-xlmt-train"));
        long t0 = System.nanoTime();
        TrainingResult r = new SentimentTrainer(null).train(train, TrainingOptions.defaults());
        System.out.printf("trained %d examples in %.1f s; held-out %s; baseline %s%n", train.size(),
                (System.nanoTime() - t0) / 1e9, r.heldOutMetrics(), r.baselineMetrics());
        System.out.println(r.reasons());
        assertThat(r.adopted()).isTrue();
        assertThat(r.model().languages()).containsExactly("en", "es");

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.model().write(bytes);
        SentimentModel model = SentimentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
        System.out.printf("model size %d bytes%n", bytes.size());

        Metrics tass = Evaluator.evaluate(model, SharedData.read("es-tass2020-dev"));
        Metrics xlmt = Evaluator.evaluate(model, SharedData.read("en-xlmt-dev"));
        Metrics enAir = Evaluator.evaluate(model, SharedData.read("en-airline-dev"));
        Metrics esAir = Evaluator.evaluate(model, SharedData.read("es-airline-dev"));
        System.out.println("es-tass2020-dev " + tass + "\nen-xlmt-dev " + xlmt + "\nen-airline-dev " + enAir
                + "\nes-airline-dev " + esAir);
        assertThat(tass.macroF1()).as("es-tass2020-dev macro-F1").isGreaterThanOrEqualTo(0.52);
        assertThat(xlmt.macroF1()).as("en-xlmt-dev macro-F1").isGreaterThanOrEqualTo(0.61);
        assertThat(enAir.recall(NEGATIVE)).as("en-airline-dev negative recall").isGreaterThanOrEqualTo(0.85);
        assertThat(esAir.recall(NEGATIVE)).as("es-airline-dev negative recall").isGreaterThanOrEqualTo(0.87);
    }

    /** "Training 20,000 examples takes under a minute." */
    @Test
    void trainingTwentyThousandExamplesTakesUnderAMinute() {
        List<LabelledText> es = SharedData.read("es-airline-train", "es-tass2020-train", "es-tass2012-train");
        List<LabelledText> en = SharedData.read("en-airline-train");
        List<LabelledText> data = new ArrayList<>(es);
        data.addAll(en.subList(0, 20_000 - es.size()));
        long t0 = System.nanoTime();
        new SentimentTrainer(null).train(data, TrainingOptions.defaults());
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("trained 20,000 examples in %.1f s%n", secs);
        assertThat(secs).isLessThan(60);
    }
}
