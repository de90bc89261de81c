package dev.conversa.nlp;

import dev.conversa.nlp.lexicon.SentimentLexicons;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.conversa.nlp.SentimentLabel.NEGATIVE;
import static dev.conversa.nlp.SentimentLabel.NEUTRAL;
import static dev.conversa.nlp.SentimentLabel.POSITIVE;
import static org.assertj.core.api.Assertions.assertThat;

/** Pins the hard cases of the shipped default analyzer. */
class SentimentRulesTest {

    private final SentimentAnalyzer analyzer = SentimentLexicons.shippedDefault();

    private Sentiment es(String t) {
        return analyzer.analyze(t, "es");
    }

    private Sentiment en(String t) {
        return analyzer.analyze(t, "en");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "es|Me gusta mucho este servicio|POSITIVE",
            "es|No me gusta este servicio|NEGATIVE",
            "es|No me gusta nada|NEGATIVE",
            "es|El vuelo no fue malo|POSITIVE",
            "es|No está mal|POSITIVE",
            "es|Nunca es bueno volar con ellos|NEGATIVE",
            "es|Sin problemas, todo perfecto|POSITIVE",
            "en|I like it|POSITIVE",
            "en|I don't like it|NEGATIVE",
            "en|not bad at all|POSITIVE",
            "en|The food was not good|NEGATIVE",
            "en|I never had a good experience with them|NEGATIVE",
    })
    void negation(String lang, String text, SentimentLabel expected) {
        assertThat(analyzer.analyze(text, lang).label()).as(text).isEqualTo(expected);
    }

    @Test
    void intensifiersAndDiminishersChangeStrength() {
        assertThat(es("Es muy bueno").positive()).isGreaterThan(es("Es bueno").positive());
        assertThat(es("Es bueno").positive()).isGreaterThan(es("Es algo bueno").positive());
        assertThat(en("It is extremely good").positive()).isGreaterThan(en("It is good").positive());
        assertThat(en("It is good").positive()).isGreaterThan(en("It is slightly good").positive());
        assertThat(en("the service was bad").negative()).isLessThan(en("the service was really bad").negative());
    }

    @Test
    void elongationAllCapsAndExclamationsAmplify() {
        assertThat(es("buenísimooo").label()).isEqualTo(POSITIVE);
        assertThat(es("Está buenísimooo").positive()).isGreaterThan(es("Está buenísimo").positive());
        assertThat(en("this is BAD and I am leaving").negative())
                .isGreaterThan(en("this is bad and i am leaving").negative());
        assertThat(en("great!!!").positive()).isGreaterThan(en("great").positive());
    }

    @Test
    void emojiOnlyAndEmoticons() {
        assertThat(es("😍😍😍").label()).isEqualTo(POSITIVE);
        assertThat(es("😡").label()).isEqualTo(NEGATIVE);
        assertThat(en("👎👎").label()).isEqualTo(NEGATIVE);
        assertThat(en("❤️").label()).isEqualTo(POSITIVE);
        assertThat(en(":)").label()).isEqualTo(POSITIVE);
        assertThat(es(":(").label()).isEqualTo(NEGATIVE);
        assertThat(en("✈️").label()).isEqualTo(NEUTRAL);
    }

    @Test
    void hashtagsMentionsAndUrls() {
        assertThat(en("@united #fail").label()).isEqualTo(NEGATIVE);
        assertThat(en("@JetBlue http://t.co/abc").label()).isEqualTo(NEUTRAL);
        // a mention that happens to be a sentiment word does not count
        assertThat(en("@happy @lovely what time is boarding")).isEqualTo(en("what time is boarding"));
        assertThat(en("@happy what time is boarding").label()).isEqualTo(NEUTRAL);
        assertThat(es("Vuelo a Madrid #felicidad").label()).isEqualTo(POSITIVE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "es|@Iberia sigo esperando mi maleta",
            "es|Nadie me responde desde hace tres días",
            "es|El vuelo tiene dos horas de retraso",
            "es|La web no funciona",
            "es|Quiero el reembolso de mi vuelo cancelado",
            "en|@united still waiting for my refund",
            "en|flight delayed again, 3 hours on hold",
            "en|nobody answers the phone",
            "en|the app doesn't work",
            "en|they lost my luggage",
    })
    void customerServiceComplaints(String lang, String text) {
        assertThat(analyzer.analyze(text, lang).label()).as(text).isEqualTo(NEGATIVE);
    }

    @Test
    void mixedLanguageMessages() {
        assertThat(es("El servicio fue amazing, gracias").label()).isEqualTo(POSITIVE);
        assertThat(es("Vuelo cancelado, worst airline ever").label()).isEqualTo(NEGATIVE);
        assertThat(en("Thanks a lot, muy amables").label()).isEqualTo(POSITIVE);
        assertThat(en("terrible servicio, una vergüenza").label()).isEqualTo(NEGATIVE);
    }

    @Test
    void emptyNullAndHugeInputs() {
        assertThat(analyzer.analyze(null, "es")).isEqualTo(Sentiment.NEUTRAL_EMPTY);
        assertThat(analyzer.analyze("", null).label()).isEqualTo(NEUTRAL);
        assertThat(analyzer.analyze("   \t\n ", "en").label()).isEqualTo(NEUTRAL);
        assertThat(analyzer.analyze("!!!???...", "en").label()).isEqualTo(NEUTRAL);
        String huge = "a".repeat(10_000);
        assertThat(analyzer.analyze(huge, "en").label()).isEqualTo(NEUTRAL);
        String hugeWords = "terrible service ".repeat(600).substring(0, 10_000);
        long t0 = System.nanoTime();
        Sentiment s = analyzer.analyze(hugeWords, "en");
        assertThat(s.label()).isEqualTo(NEGATIVE);
        assertThat(System.nanoTime() - t0).isLessThan(2_000_000_000L);
    }

    @Test
    void scoresAreAProbabilityDistribution() {
        Sentiment s = en("I love this airline but the food was bad");
        assertThat(s.negative() + s.neutral() + s.positive()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(s.confidence()).isEqualTo(s.score(s.label()));
        assertThat(s.confidence()).isBetween(1.0 / 3, 1.0);
    }

    @Test
    void contrastWeighsTheSecondClause() {
        assertThat(en("The seats were nice but the staff was rude and unhelpful").label()).isEqualTo(NEGATIVE);
        assertThat(es("El retraso fue largo pero la tripulación fue genial").label()).isEqualTo(POSITIVE);
    }
}
