package dev.conversa.nlp;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextAnalyzerTest {

    @Test
    void languageThenSentiment() {
        TextAnalyzer analyzer = TextAnalyzer.createDefault();
        TextAnalysis a = analyzer.analyze("@Iberia sigo esperando mi maleta, nadie me responde");
        assertThat(a.language().code()).isEqualTo("es");
        assertThat(a.sentiment().label()).isEqualTo(SentimentLabel.NEGATIVE);

        TextAnalysis b = analyzer.analyze("@united thanks, the crew was amazing!");
        assertThat(b.language().code()).isEqualTo("en");
        assertThat(b.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);

        TextAnalysis e = analyzer.analyze("😍😍");
        assertThat(e.language()).isEqualTo(LanguageGuess.UNKNOWN);
        assertThat(e.sentiment().label()).isEqualTo(SentimentLabel.POSITIVE);

        TextAnalysis empty = analyzer.analyze("");
        assertThat(empty.language()).isEqualTo(LanguageGuess.UNKNOWN);
        assertThat(empty.sentiment().label()).isEqualTo(SentimentLabel.NEUTRAL);
    }
}
