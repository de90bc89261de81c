package dev.conversa.listening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCursorTest {

    private static List<String> terms(String text) {
        return TokenCursor.tokenize(text).stream().map(Token::term).toList();
    }

    @Test
    void lowercasesAndFoldsAccents() {
        assertThat(terms("Atención al CLIENTE, ¡pésima! Año Ñandú")).containsExactly(
                "atencion", "al", "cliente", "pesima", "ano", "nandu");
    }

    @Test
    void foldsDecomposedAccents() {
        assertThat(terms("atencio\u0301n")).containsExactly("atencion");
    }

    @Test
    void squeezesElongationsOfThreeOrMoreLetters() {
        assertThat(terms("buenísimooo holaaaa siiii good cool 1000 zzz")).containsExactly(
                "buenisimo", "hola", "si", "good", "cool", "1000", "z");
    }

    @Test
    void hashtagsAndMentionsKeepTheirSigilAndAddTheBareWordAtTheSamePosition() {
        List<Token> tokens = TokenCursor.tokenize("Gracias @Iberia_ES por #AtenciónAlCliente");
        assertThat(tokens).extracting(Token::term).containsExactly(
                "gracias", "@iberia_es", "iberia_es", "por", "#atencionalcliente", "atencionalcliente");
        assertThat(tokens).extracting(Token::type).containsExactly(TokenType.WORD, TokenType.MENTION, TokenType.WORD,
                TokenType.WORD, TokenType.HASHTAG, TokenType.WORD);
        assertThat(tokens).extracting(Token::position).containsExactly(0, 1, 1, 2, 3, 3);
    }

    @Test
    void emailsAndMidWordSigilsAreNotMentions() {
        assertThat(terms("mail john@example.com C# now")).containsExactly("mail", "john", "example", "com", "c", "now");
    }

    @Test
    void urlsAreSingleTokensWithoutTrailingPunctuation() {
        List<Token> tokens = TokenCursor.tokenize("mira https://t.co/AbC123. y www.Acme.com/help!");
        assertThat(tokens).extracting(Token::term).containsExactly("mira", "https://t.co/abc123", "y",
                "www.acme.com/help");
        assertThat(tokens.get(1).type()).isEqualTo(TokenType.URL);
        assertThat(tokens.get(1).end()).isEqualTo("mira https://t.co/AbC123".length());
    }

    @Test
    void emojiAreTokensAndModifiersAreIgnored() {
        List<Token> tokens = TokenCursor.tokenize("vuelo✈️ genial👍🏽😂 🇪🇸!");
        assertThat(tokens).extracting(Token::term).containsExactly("vuelo", "✈", "genial", "👍", "😂", "🇪🇸");
        assertThat(tokens.get(1).type()).isEqualTo(TokenType.EMOJI);
        assertThat(tokens.get(5).type()).isEqualTo(TokenType.EMOJI);
    }

    @Test
    void splitsOnApostrophesHyphensAndDots() {
        assertThat(terms("don't e-commerce t.co")).containsExactly("don", "t", "e", "commerce", "t", "co");
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "¡¡Pésimo servicio!!";
        List<Token> tokens = TokenCursor.tokenize(text);
        assertThat(text.substring(tokens.get(0).start(), tokens.get(0).end())).isEqualTo("Pésimo");
        assertThat(text.substring(tokens.get(1).start(), tokens.get(1).end())).isEqualTo("servicio");
    }

    @Test
    void hashesComputedWhileScanningEqualTheHashOfTheTerm() {
        // the matcher looks terms up by these hashes: squeezing, truncation and tags must not desynchronise them
        String text = "buenísimooo #Holaaaa_x @a " + "xy".repeat(63) + "ooo " + "ab".repeat(70) + "ccc9 "
                + "éa".repeat(70) + " \uD801\uDC00\uD801\uDC00 😡 https://t.co/Ab 1000 #zzz";
        TokenCursor cursor = new TokenCursor().reset(text);
        int tokens = 0;
        while (cursor.next()) {
            tokens++;
            char[] term = cursor.termBuffer();
            int length = cursor.termLength();
            assertThat(cursor.hash()).as(cursor.term()).isEqualTo(TokenCursor.hashOf(term, 0, length));
            if (cursor.hasBareWord()) {
                assertThat(cursor.bareHash()).as(cursor.term()).isEqualTo(TokenCursor.hashOf(term, 1, length - 1));
            }
        }
        assertThat(tokens).isEqualTo(11);
    }

    @Test
    void wordsEndedByColonOrDotAreUrlsOnlyWhenTheyStartOne() {
        // the scanner tests for a URL only where a word ends in ':' or '.'
        List<Token> tokens = TokenCursor.tokenize("hola. Hay: http:/x HTTP://X.es/a, wwww.x www y ww.x hello:world");
        assertThat(tokens).extracting(Token::term).containsExactly("hola", "hay", "http", "x", "http://x.es/a", "w",
                "x", "w", "y", "ww", "x", "hello", "world");
        assertThat(tokens).extracting(Token::type).containsOnlyOnce(TokenType.URL);
        assertThat(tokens.get(4).start()).isEqualTo(19);
        assertThat(tokens.get(4).end()).isEqualTo(32);
        assertThat(tokens).extracting(Token::position).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    }

    @Test
    void wordsEndAtTheTextOrAtAnyNonWordCharAndGoOnThroughOtherScripts() {
        assertThat(terms("fin")).containsExactly("fin");
        List<Token> tokens = TokenCursor.tokenize("que©bien¿si? abc#def abcα ñandú\u0301 w");
        assertThat(tokens).extracting(Token::term).containsExactly("que", "©", "bien", "si", "abc", "def", "abcα",
                "nandu", "w");
        assertThat(tokens.get(1).type()).isEqualTo(TokenType.EMOJI);
        assertThat(tokens.get(7).end()).isEqualTo(32);
    }

    @Test
    void longWordsAreTruncated() {
        List<Token> tokens = TokenCursor.tokenize("xy".repeat(63) + " " + "ab".repeat(64) + "!");
        assertThat(tokens).extracting(t -> t.term().length()).containsExactly(126, TokenCursor.MAX_TERM_CHARS);
        assertThat(tokens).extracting(Token::end).containsExactly(126, 255);
    }

    @Test
    void emptyAndPunctuationOnlyTextHasNoTokens() {
        assertThat(terms("")).isEmpty();
        assertThat(terms(null)).isEmpty();
        assertThat(terms(" ... !!! -- ")).isEmpty();
    }
}
