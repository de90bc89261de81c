package dev.conversa.benchmarks.nlp;

import dev.conversa.nlp.LanguageDetector;
import dev.conversa.nlp.Sentiment;
import dev.conversa.nlp.lang.LinguaLanguageDetector;
import dev.conversa.nlp.lang.NgramLanguageDetector;
import dev.conversa.nlp.lexicon.RuleBasedSentimentAnalyzer;
import dev.conversa.nlp.lexicon.SentimentLexicons;
import dev.conversa.nlp.LanguageGuess;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Classifications per second on tweet-length texts (one thread = one core): the shipped default sentiment
 * analyzer, and language identification (Lingua, 7 languages). Texts are synthetic tweets written for this
 * benchmark (the research data must not be committed), 60-200 characters, Spanish and English, with mentions,
 * URLs, hashtags, emoji.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class SentimentBenchmark {

    static final String[] TWEETS = {
            "@Iberia llevo dos horas esperando en la cola de facturación y nadie me responde, una vergüenza #fail",
            "@united thanks so much to the crew on UA 923, amazing service and a smooth landing! 😍",
            "Mi vuelo a Bogotá tiene retraso otra vez... sigo esperando información https://t.co/aBcD123",
            "@AmericanAir my bag was lost in Dallas, still waiting for a refund after 3 weeks. Not happy.",
            "Buenísimooo el servicio de @Vueling, muy amables todos, gracias!!! 👏👏",
            "@JetBlue what time does the gate open for flight 1234 to Boston?",
            "No me gusta nada cómo tratan a los clientes, nunca más vuelvo a volar con ellos 😡",
            "@SouthwestAir not bad at all, the new seats are pretty comfortable",
            "¿Alguien sabe si se puede llevar una maleta de mano de 10 kilos en Ryanair?",
            "I LOVE flying with @VirginAmerica, best airline ever 💜 #happy",
            "El pedido no ha llegado y la web no funciona. ¿Cómo reclamo?",
            "@Delta flight delayed 4 hrs, missed my connection, customer service hung up on me",
    };
    static final String[] LANGS = {"es", "en", "es", "en", "es", "en", "es", "en", "es", "en", "es", "en"};

    RuleBasedSentimentAnalyzer sentiment;
    LanguageDetector language;
    LanguageDetector lingua;
    int i;

    @Setup
    public void setup() {
        sentiment = SentimentLexicons.shippedDefault();
        language = new NgramLanguageDetector();
        lingua = new LinguaLanguageDetector();
    }

    @Benchmark
    public Sentiment sentimentDefault() {
        int k = (i++ & 0x7FFFFFFF) % TWEETS.length;
        return sentiment.analyze(TWEETS[k], LANGS[k]);
    }

    /** The shipped language identifier (Lingua's models, our packed table and scoring). */
    @Benchmark
    public LanguageGuess languageNgram() {
        int k = (i++ & 0x7FFFFFFF) % TWEETS.length;
        return language.detect(TWEETS[k]);
    }

    /** Lingua 1.2.2 itself on the same models, for comparison. */
    @Benchmark
    public LanguageGuess languageLingua() {
        int k = (i++ & 0x7FFFFFFF) % TWEETS.length;
        return lingua.detect(TWEETS[k]);
    }
}
