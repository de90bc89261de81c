package dev.conversa.nlp.text;

import java.util.List;

/**
 * A tokenised text: tokens without URLs and @mentions, the number of '!' and '?' and whether only some of
 * the words are written in ALL CAPS (VADER's "cap differential": shouting stands out from the rest).
 */
public record TokenizedText(List<Token> tokens, int exclamations, int questions, boolean capsDifferential) {

    public int size() {
        return tokens.size();
    }

    public Token get(int i) {
        return tokens.get(i);
    }
}
