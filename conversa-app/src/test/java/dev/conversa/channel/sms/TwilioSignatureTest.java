package dev.conversa.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSignatureTest {

    /** The worked example of https://www.twilio.com/docs/usage/webhooks/webhooks-security. */
    @Test
    void matchesTwiliosDocumentedExample() {
        Map<String, String> params = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030", "Digits", "1234",
                "From", "+12349013030", "To", "+18005551212");
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        assertThat(TwilioSignature.sign("12345", url, params)).isEqualTo("0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
        assertThat(TwilioSignature.valid("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", url, params)).isTrue();
        assertThat(TwilioSignature.valid("12345", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=", url + "&x=1", params)).isFalse();
        assertThat(TwilioSignature.valid("12345", null, url, params)).isFalse();
    }

    @Test
    void longTextsSplitAtWordsAndKeepEverything() {
        String text = "palabra ".repeat(500).strip();
        var parts = SmsAdapter.split(text, 1600);
        assertThat(parts).hasSize(3).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(1600));
        assertThat(String.join(" ", parts)).isEqualTo(text);
        assertThat(SmsAdapter.split("hola", 1600)).containsExactly("hola");
    }
}
