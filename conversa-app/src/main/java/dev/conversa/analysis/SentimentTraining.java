package dev.conversa.analysis;

import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.kernel.Sql;
import dev.conversa.nlp.SentimentLabel;
import dev.conversa.nlp.train.LabelledText;
import dev.conversa.nlp.train.SentimentTrainer;
import dev.conversa.nlp.train.TrainingOptions;
import dev.conversa.nlp.train.TrainingResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A workspace teaches Conversa its own domain: agents correct the sentiment of messages, and an admin trains a
 * model from those corrections (plus any {@code label<TAB>text} file). The model is kept only if it beats the one
 * in use on a held-out part.
 */
@Service
public class SentimentTraining {
    static final int MIN_EXAMPLES = 30;
    static final int MAX_FILE_LINES = 200_000;

    private final JdbcClient jdbc;
    private final MessageService messages;
    private final SentimentModels models;

    SentimentTraining(JdbcClient jdbc, MessageService messages, SentimentModels models) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.models = models;
    }

    /** An agent says what the sentiment of a customer's message really is. */
    @Transactional
    public Message correct(long conversationId, long messageId, SentimentLabel label, Actor actor) {
        long ws = actor.workspace();
        Message m = messages.find(ws, messageId).filter(x -> x.conversationId() == conversationId)
                .orElseThrow(() -> new NotFoundException("message", messageId));
        if (label == null) {
            throw new InvalidInputException("label", "label is required: NEGATIVE, NEUTRAL or POSITIVE");
        }
        int updated = jdbc.sql("UPDATE sentiment_correction SET label = ?, corrected_by = ?, corrected_at = ? WHERE message_id = ? AND workspace_id = ?")
                .params(label.name(), actor.userId(), Sql.ts(Instant.now()), messageId, ws).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO sentiment_correction (message_id, workspace_id, label, body, language, corrected_by, corrected_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(messageId, ws, label.name(), m.body(), m.language(), actor.userId(), Sql.ts(Instant.now())).update();
        }
        messages.recordAnalysis(ws, messageId, m.language(), label.name().toLowerCase(Locale.ROOT));
        return messages.find(ws, messageId).orElseThrow();
    }

    public long corrections(Actor actor) {
        return jdbc.sql("SELECT COUNT(*) FROM sentiment_correction WHERE workspace_id = ?").param(actor.workspace())
                .query(Long.class).single();
    }

    /**
     * Trains from the workspace's corrections plus {@code labelledTsv} (lines of {@code label<TAB>text}, may be
     * null), evaluates on a held-out part, stores the model, and switches to it only if it is better.
     */
    public TrainingReport train(String labelledTsv, Actor actor) {
        actor.require(Role.ADMIN);
        long ws = actor.workspace();
        List<LabelledText> data = new ArrayList<>(jdbc.sql("SELECT label, body, language FROM sentiment_correction WHERE workspace_id = ?")
                .param(ws).query((rs, n) -> new LabelledText(SentimentLabel.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getString(3))).list());
        data.addAll(parseTsv(labelledTsv));
        if (data.size() < MIN_EXAMPLES) {
            throw new InvalidInputException("examples", "training needs at least " + MIN_EXAMPLES
                    + " labelled examples; this workspace has " + data.size());
        }
        TrainingResult result = new SentimentTrainer(models.defaults().languageDetector())
                .train(data, TrainingOptions.defaults(), models.defaults().sentimentAnalyzer());
        byte[] bytes = serialize(result);
        var keys = new GeneratedKeyHolder();
        Instant now = Instant.now();
        jdbc.sql("""
                INSERT INTO sentiment_model (workspace_id, created_at, created_by, examples, held_out_macro_f1, current_macro_f1,
                    adopted, decision, active, model_bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)""")
                .params(ws, Sql.ts(now), actor.userId(), data.size(), result.heldOutMetrics().macroF1(),
                        result.baselineMetrics().macroF1(), result.adopted(), result.reasons(), bytes)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        if (result.adopted()) {
            models.activate(ws, id);
        }
        return new TrainingReport(id, data.size(), result.examplesPerLanguage(), result.heldOutMetrics().macroF1(),
                result.baselineMetrics().macroF1(), result.heldOutMetrics().recall(SentimentLabel.NEGATIVE), result.adopted(),
                result.reasons(), result.elapsed().toMillis(), now);
    }

    public List<TrainingReport> history(Actor actor) {
        actor.require(Role.SUPERVISOR);
        return jdbc.sql("""
                SELECT id, examples, held_out_macro_f1, current_macro_f1, adopted, decision, created_at FROM sentiment_model
                WHERE workspace_id = ? ORDER BY id DESC""").param(actor.workspace())
                .query((rs, n) -> new TrainingReport(rs.getLong("id"), rs.getInt("examples"), java.util.Map.of(),
                        rs.getDouble("held_out_macro_f1"), rs.getDouble("current_macro_f1"), Double.NaN,
                        rs.getBoolean("adopted"), rs.getString("decision"), 0, Sql.instant(rs, "created_at")))
                .list();
    }

    /** Goes back to the shipped default model. */
    @Transactional
    public void reset(Actor actor) {
        actor.require(Role.ADMIN);
        jdbc.sql("UPDATE sentiment_model SET active = FALSE WHERE workspace_id = ?").param(actor.workspace()).update();
        models.forget(actor.workspace());
    }

    static List<LabelledText> parseTsv(String tsv) {
        List<LabelledText> out = new ArrayList<>();
        if (tsv == null || tsv.isBlank()) {
            return out;
        }
        String[] lines = tsv.split("\r?\n");
        if (lines.length > MAX_FILE_LINES) {
            throw new InvalidInputException("file", "at most " + MAX_FILE_LINES + " lines");
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0) {
                throw new InvalidInputException("file", "line " + (i + 1) + ": expected label<TAB>text");
            }
            SentimentLabel label;
            try {
                label = SentimentLabel.valueOf(line.substring(0, tab).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("file", "line " + (i + 1) + ": unknown label '" + line.substring(0, tab)
                        + "' (negative, neutral or positive)");
            }
            out.add(new LabelledText(label, line.substring(tab + 1)));
        }
        return out;
    }

    private static byte[] serialize(TrainingResult result) {
        try {
            var out = new ByteArrayOutputStream();
            result.model().write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
