package dev.conversa.nlp;

import dev.conversa.nlp.lang.NgramLanguageDetector;
import dev.conversa.nlp.train.LabelledText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped detector ({@link NgramLanguageDetector}); its agreement with Lingua itself is in {@code NgramLanguageDetectorTest}. */
class LanguageDetectorTest {

    private static NgramLanguageDetector detector;

    @BeforeAll
    static void load() {
        detector = new NgramLanguageDetector();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "es|Mi vuelo sigue retrasado y nadie me dice nada",
            "en|My flight is still delayed and nobody tells me anything",
            "pt|O meu voo continua atrasado e ninguém me diz nada",
            "fr|Mon vol est toujours en retard et personne ne me dit rien",
            "it|Il mio volo è ancora in ritardo e nessuno mi dice niente",
            "de|Mein Flug hat immer noch Verspätung und niemand sagt mir etwas",
            "ca|El meu vol encara va amb retard i ningú no em diu res",
            "es|gracias por todo",
            "en|thanks a lot",
            "pt|muito obrigado pela ajuda",
            "fr|merci beaucoup madame",
            "it|grazie mille ragazzi",
            "de|vielen Dank für alles",
            "ca|moltes gràcies per tot",
    })
    void sevenLanguagesFromThreeWords(String expected, String text) {
        assertThat(detector.detect(text).code()).as(text).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "@Iberia @Ryanair", "https://t.co/xyz", "😂😂😂", "12345 !!!"})
    void noLanguageInText(String text) {
        assertThat(detector.detect(text)).isEqualTo(LanguageGuess.UNKNOWN);
    }

    @Test
    void nullAndHugeInputs() {
        assertThat(detector.detect(null)).isEqualTo(LanguageGuess.UNKNOWN);
        String huge = "el servicio es muy malo y nadie responde ".repeat(250);
        assertThat(huge.length()).isGreaterThanOrEqualTo(10_000);
        assertThat(detector.detect(huge).code()).isEqualTo("es");
    }

    @Test
    void mixedLanguageMessageGetsTheDominantLanguage() {
        assertThat(detector.detect("El vuelo fue great pero el equipaje llegó tarde").code()).isEqualTo("es");
        assertThat(detector.detect("The flight was bueno but the luggage arrived late").code()).isEqualTo("en");
    }

    /** Done-means 3: >= 97% of the tweets of every Spanish and English dev file. */
    @ParameterizedTest
    @ValueSource(strings = {"es-airline-dev", "es-tass2020-dev", "es-xlmt-dev", "en-airline-dev", "en-xlmt-dev",
            "en-sentiment140-dev"})
    void accuracyOnDevTweets(String file) {
        List<LabelledText> data = SharedData.read(file);
        String expected = file.substring(0, 2);
        long ok = data.stream().filter(t -> detector.detect(t.text()).code().equals(expected)).count();
        double acc = ok / (double) data.size();
        System.out.printf("language id %s: %.4f (%d/%d)%n", file, acc, ok, data.size());
        assertThat(acc).as(file).isGreaterThanOrEqualTo(0.97);
    }
}
