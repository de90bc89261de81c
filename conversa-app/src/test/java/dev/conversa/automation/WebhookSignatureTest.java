package dev.conversa.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void theHmacIsHmacSha256AsRfc4231DefinesIt() {
        // RFC 4231, section 4.3, test case 2: key "Jefe", data "what do ya want for nothing?"
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void theHeaderSignsTheTimestampAndTheBodyTogether() throws Exception {
        String secret = "whsec_test";
        String body = "{\"id\":\"d-1\",\"event\":\"MESSAGE_RECEIVED\",\"body\":\"¿dónde está?\"}";
        String header = WebhookSignature.header(secret, 1_767_225_600L, body);

        assertThat(header).matches("t=1767225600,v1=[0-9a-f]{64}");
        // what a receiver does: split the header, HMAC "<t>.<raw body>" with the secret, compare
        String t = header.substring(2, header.indexOf(','));
        String v1 = header.substring(header.indexOf("v1=") + 3);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        assertThat(v1).isEqualTo(HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8))));

        assertThat(WebhookSignature.header(secret, 1_767_225_601L, body)).as("another time, another signature")
                .doesNotEndWith(v1);
        assertThat(WebhookSignature.header(secret, 1_767_225_600L, body + " ")).as("another body").doesNotEndWith(v1);
        assertThat(WebhookSignature.header("whsec_other", 1_767_225_600L, body)).as("another secret").doesNotEndWith(v1);
    }
}
