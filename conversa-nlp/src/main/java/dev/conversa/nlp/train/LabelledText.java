package dev.conversa.nlp.train;

import dev.conversa.nlp.SentimentLabel;

import java.util.Objects;

/**
 * A text with its sentiment label (a console correction, or a line of a {@code label<TAB>text} file).
 *
 * @param language ISO 639-1 code, or null to let the trainer detect it
 * @param source   where the example comes from (a file name, "console"...), or null; the trainer gives every
 *                 source of a language the same total weight, so a small in-domain set is not drowned by a
 *                 large one
 */
public record LabelledText(SentimentLabel label, String text, String language, String source) {

    public LabelledText {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(text, "text");
    }

    public LabelledText(SentimentLabel label, String text) {
        this(label, text, null, null);
    }

    public LabelledText(SentimentLabel label, String text, String language) {
        this(label, text, language, null);
    }

    public LabelledText withLanguage(String lang) {
        return new LabelledText(label, text, lang, source);
    }
}
