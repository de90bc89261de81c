package dev.conversa.analysis;

import dev.conversa.nlp.LanguageGuess;
import dev.conversa.nlp.Sentiment;
import dev.conversa.nlp.TextAnalysis;

/**
 * What ingestion (before a customer message is stored) and listening (for each mention) call to analyse a text in a
 * workspace.
 */
public interface MessageAnalysis {

    /** Language and sentiment of {@code text}, with the workspace's own model when it trained one. */
    TextAnalysis analyze(long workspaceId, String text);

    /** The language of {@code text} by the shipped identifier, whatever the workspace (e.g. to match {@code lang:}). */
    LanguageGuess language(String text);

    /**
     * The sentiment of a text whose language is already known ({@code null} when unknown), with the workspace's own
     * model when it trained one: no second language identification (the costly part) when the caller has one.
     */
    Sentiment sentiment(long workspaceId, String text, String language);
}
