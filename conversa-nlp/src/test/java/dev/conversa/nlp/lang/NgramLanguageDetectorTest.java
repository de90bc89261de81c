package dev.conversa.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.nlp.LanguageGuess;
import dev.conversa.nlp.SharedData;
import dev.conversa.nlp.train.LabelledText;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lingua 1.2.2 itself, on the same models, clean-up and prior, is the oracle of the packed n-gram detector. */
class NgramLanguageDetectorTest {
    private static NgramLanguageDetector ngram;
    private static LinguaLanguageDetector lingua;

    @BeforeAll
    static void load() {
        ngram = new NgramLanguageDetector();
        lingua = new LinguaLanguageDetector();
    }

    @ParameterizedTest
    @ValueSource(strings = {"es-airline-dev", "es-tass2020-dev", "es-xlmt-dev", "en-airline-dev", "en-xlmt-dev",
            "en-sentiment140-dev", "es-airline-train", "en-airline-train"})
    void decidesAsLinguaOnRealTweets(String file) {
        List<LabelledText> tweets = SharedData.read(file);
        int same = 0;
        int closeConfidence = 0;
        for (LabelledText t : tweets) {
            LanguageGuess a = ngram.detect(t.text());
            LanguageGuess b = lingua.detect(t.text());
            if (a.code().equals(b.code())) same++;
            if (Math.abs(a.confidence() - b.confidence()) < 0.02) closeConfidence++;
        }
        System.out.printf("n-gram vs Lingua %s: same language %d/%d, confidence within 0.02 %d%n", file, same,
                tweets.size(), closeConfidence);
        assertThat(same).as(file).isGreaterThanOrEqualTo((int) Math.ceil(tweets.size() * 0.998));
        assertThat(closeConfidence).as(file).isGreaterThanOrEqualTo((int) Math.ceil(tweets.size() * 0.99));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "O meu voo continua atrasado e ninguém me diz nada",
            "Mon vol est toujours en retard et personne ne me dit rien",
            "Il mio volo è ancora in ritardo e nessuno mi dice niente",
            "Mein Flug hat immer noch Verspätung und niemand sagt mir etwas",
            "El meu vol encara va amb retard i ningú no em diu res",
            "@Iberia Atrasados",
            "Odio Iberia express.",
            "ok",
            "Ñ",
            "Straße",
            // 120 characters and more: trigrams only
            "Llevo tres semanas esperando el reembolso del vuelo cancelado y nadie contesta los correos ni el teléfono, es una vergüenza total",
            "I have been waiting three weeks for the refund of my cancelled flight and nobody answers emails or the phone, what a disgrace",
    })
    void decidesAsLinguaOnShortLongAndAmbiguousTexts(String text) {
        assertThat(ngram.detect(text).code()).as(text).isEqualTo(lingua.detect(text).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Привет, как дела?", "今日はいい天気ですね", "😂😂😂 !!!", "1234 5678", "#", "@a @b https://x.y"})
    void textWithoutAnyKnownNgramIsUnknown(String text) {
        assertThat(ngram.detect(text)).as(text).isEqualTo(LanguageGuess.UNKNOWN);
    }

    @Test
    void theSevenModelsFitInAboutThirtyMegabytes() {
        assertThat(ngram.modelBytes()).isLessThan(40L << 20);
    }

    @Test
    void withoutAPriorAShortAmbiguousTextMayLeaveSpanish() {
        NgramLanguageDetector noPrior = new NgramLanguageDetector(List.of("es", "pt"), Set.of(), 0.0);
        LanguageGuess guess = noPrior.detect("O meu voo continua atrasado e ninguém me diz nada");
        assertThat(guess.code()).isEqualTo("pt");
        assertThat(guess.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void normalisationKeepsLettersAndSingleSpaces() {
        assertThat(NgramLanguageDetector.normalise("¡¡Hola, QUÉ tal!!  Vuelo 4411…  ")).isEqualTo("hola qué tal vuelo");
        assertThat(NgramLanguageDetector.normalise("123 !!! ...")).isEmpty();
    }
}
