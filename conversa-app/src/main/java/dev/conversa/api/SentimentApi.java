package dev.conversa.api;

import dev.conversa.analysis.SentimentTraining;
import dev.conversa.analysis.TrainingReport;
import dev.conversa.conversation.Message;
import dev.conversa.kernel.Actor;
import dev.conversa.nlp.SentimentLabel;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sentiment", description = "Agents' corrections and the workspace's own sentiment model")
class SentimentApi {
    private final SentimentTraining training;

    SentimentApi(SentimentTraining training) {
        this.training = training;
    }

    record Correction(@NotNull SentimentLabel label) {
    }

    @PutMapping("/api/v1/conversations/{conversationId}/messages/{messageId}/sentiment")
    @Operation(summary = "Correct the sentiment of a customer's message (teaches the workspace's model)")
    Message correct(@PathVariable long conversationId, @PathVariable long messageId, @Valid @RequestBody Correction body,
                    Actor actor) {
        return training.correct(conversationId, messageId, body.label(), actor);
    }

    /** @param labelledTsv optional extra examples, one {@code label<TAB>text} per line */
    record TrainingInput(String labelledTsv) {
    }

    @PostMapping("/api/v1/sentiment/models")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Train a model from the corrections (and optional labelled lines); adopted only if better (admins)")
    TrainingReport train(@RequestBody(required = false) TrainingInput body, Actor actor) {
        return training.train(body == null ? null : body.labelledTsv(), actor);
    }

    @GetMapping("/api/v1/sentiment/models")
    List<TrainingReport> history(Actor actor) {
        return training.history(actor);
    }

    @DeleteMapping("/api/v1/sentiment/models/active")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Go back to the shipped default model (admins)")
    void reset(Actor actor) {
        training.reset(actor);
    }
}
