package dev.conversa.nlp.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SocialTextTest {

    @Test
    void dropsUrlsMentionsAndTheHashOfHashtags() {
        assertThat(SocialText.clean("@iberia mi #vuelo sigue sin salir https://t.co/AbC123 www.example.com"))
                .isEqualTo("mi vuelo sigue sin salir");
    }

    @Test
    void aUrlGluedToTheWordBeforeItIsDroppedAndTheWordKept() {
        // as the shared airline tweets carry it: the link pasted without a space after the last word
        assertThat(SocialText.clean("Can't believe what they said about marriagehttps://t.co/4zQGqWQ1Xr"))
                .isEqualTo("Can't believe what they said about marriage");
        assertThat(SocialText.clean("gracias por nadahttp://bit.ly/x y adiós")).isEqualTo("gracias por nada y adiós");
        assertThat(SocialText.clean("(https://t.co/x)")).isEmpty();
    }
}
