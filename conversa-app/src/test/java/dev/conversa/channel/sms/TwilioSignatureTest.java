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

    /** A repeated parameter: each distinct value, in sorted order, written as name then value (as twilio-node signs). */
    @Test
    void aRepeatedParameterIsSignedWithEveryValue() throws Exception {
        String url = "https://mycompany.com/myapp.php?foo=1&bar=2";
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec("12345".getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = java.util.Base64.getEncoder().encodeToString(mac.doFinal((url + "Digits1234MediaUrlaMediaUrlb")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        var params = Map.of("MediaUrl", java.util.List.of("b", "a", "b"), "Digits", java.util.List.of("1234"));
        assertThat(TwilioSignature.signAll("12345", url, params)).isEqualTo(expected);
        assertThat(TwilioSignature.validAll("12345", expected, url, params)).isTrue();
        assertThat(TwilioSignature.validAll("12345", expected, url, Map.of("MediaUrl", java.util.List.of("b"),
                "Digits", java.util.List.of("1234")))).isFalse();
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
