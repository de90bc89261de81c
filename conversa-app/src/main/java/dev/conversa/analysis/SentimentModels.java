package dev.conversa.analysis;

import dev.conversa.kernel.Sql;
import dev.conversa.nlp.LanguageGuess;
import dev.conversa.nlp.Sentiment;
import dev.conversa.nlp.SentimentAnalyzer;
import dev.conversa.nlp.TextAnalysis;
import dev.conversa.nlp.TextAnalyzer;
import dev.conversa.nlp.train.SentimentModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Holds each workspace's active sentiment model (loaded once, cached) in front of the shipped default. The default
 * analyzer's language models take seconds to load: they are loaded in the background once the application is ready,
 * so start-up stays fast and the first customer message after a start is not held up by them (ingestion analyses a
 * message before storing it).
 */
@Service
class SentimentModels implements MessageAnalysis {
    private static final Logger log = LoggerFactory.getLogger(SentimentModels.class);
    private final JdbcClient jdbc;
    private final Map<Long, Optional<SentimentAnalyzer>> byWorkspace = new ConcurrentHashMap<>();
    private volatile TextAnalyzer defaultAnalyzer;

    SentimentModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void preload() {
        Thread.ofPlatform().daemon().name("analysis-preload").start(() -> {
            long start = System.nanoTime();
            defaults();
            log.info("Language and sentiment models loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
        });
    }

    @Override
    public TextAnalysis analyze(long workspaceId, String text) {
        LanguageGuess lang = language(text);
        return new TextAnalysis(lang, sentiment(workspaceId, text, lang.isKnown() ? lang.code() : null));
    }

    @Override
    public LanguageGuess language(String text) {
        return defaults().languageDetector().detect(text);
    }

    @Override
    public Sentiment sentiment(long workspaceId, String text, String language) {
        return byWorkspace.computeIfAbsent(workspaceId, this::load).orElseGet(() -> defaults().sentimentAnalyzer())
                .analyze(text, language);
    }

    TextAnalyzer defaults() {
        TextAnalyzer a = defaultAnalyzer;
        if (a == null) {
            synchronized (this) {
                if (defaultAnalyzer == null) {
                    defaultAnalyzer = TextAnalyzer.createDefault();
                }
                a = defaultAnalyzer;
            }
        }
        return a;
    }

    /** Makes a newly adopted model the workspace's active one. */
    void activate(long workspaceId, long modelId) {
        jdbc.sql("UPDATE sentiment_model SET active = FALSE WHERE workspace_id = ?").param(workspaceId).update();
        jdbc.sql("UPDATE sentiment_model SET active = TRUE, activated_at = ? WHERE id = ? AND workspace_id = ?")
                .params(Sql.ts(Instant.now()), modelId, workspaceId).update();
        byWorkspace.remove(workspaceId);
    }

    void forget(long workspaceId) {
        byWorkspace.remove(workspaceId);
    }

    private Optional<SentimentAnalyzer> load(long workspaceId) {
        return jdbc.sql("SELECT model_bytes FROM sentiment_model WHERE workspace_id = ? AND active = TRUE")
                .param(workspaceId).query((rs, n) -> rs.getBytes(1)).optional()
                .map(bytes -> {
                    try {
                        // Languages the model was not trained on fall back to the shipped default.
                        return (SentimentAnalyzer) SentimentModel.read(new ByteArrayInputStream(bytes))
                                .withFallback(defaults().sentimentAnalyzer());
                    } catch (IOException e) {
                        throw new UncheckedIOException("stored sentiment model of workspace " + workspaceId + " is unreadable", e);
                    }
                });
    }
}
