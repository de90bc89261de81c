package dev.conversa.nlp.train;

import dev.conversa.nlp.SentimentLabel;

import java.util.Objects;

/**
 * A text with its sentiment label (a console correction, or a line of a {@code label<TAB>text} file);
 * {@code language} is an ISO 639-1 code or null to let the trainer detect it.
 */
public record LabelledText(SentimentLabel label, String text, String language) {

    public LabelledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }

    public LabelledText(SentimentLabel label, String text) {
        this(label, text, null);
    }

    public LabelledText withLanguage(String lang) {
        return new LabelledText(label, text, lang);
    }
}
