package dev.conversa.channel.sms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.TwilioForms;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What Twilio delivers besides plain SMS (https://www.twilio.com/docs/messaging/guides/webhook-request): MMS with
 * several media, WhatsApp through Twilio with a shared location or a tapped button (empty Body), and requests with a
 * repeated parameter, which Twilio signs over every value.
 */
@ConversaIT
class TwilioMessageTypesIT {
    static final String TOKEN = "twilio-auth-token-types";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    Api admin;
    long inbox;

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Twilio types").adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"WhatsApp via Twilio","channel":"SMS","settings":{"accountSid":"ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                 "fromNumber":"+14155238886"},"secrets":{"authToken":"%s"}}""".formatted(TOKEN)).json().get("id").asLong();
    }

    String hook() {
        return "http://localhost:" + port + "/hooks/twilio/sms/" + inbox;
    }

    static Map<String, String> form(String name) {
        try (InputStream in = TwilioMessageTypesIT.class.getResourceAsStream("/channel/types/twilio/" + name)) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    String[] kv = line.split("=", 2);
                    out.put(kv[0], kv[1]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> messages() {
        List<JsonNode> out = new ArrayList<>();
        admin.get("/api/v1/conversations?inboxId=" + inbox).json().get("items").forEach(c ->
                admin.get("/api/v1/conversations/" + c.get("id").asLong() + "/messages").json().get("items").forEach(out::add));
        return out;
    }

    @Test
    void aWhatsAppLocationIsStoredWithItsCoordinatesNotRefused() {
        var r = TwilioForms.post(hook(), form("whatsapp-location.form"), TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode m = messages().getFirst();
        assertThat(m.get("body").asString())
                .isEqualTo("📍 location: 37.7879277, -122.3937508 — Twilio HQ, 375 Beale St, San Francisco, CA 94105");
        JsonNode customer = admin.get("/api/v1/customers").json().get("items").get(0);
        assertThat(customer.get("phone").asString()).isEqualTo("+16505551234");
        assertThat(customer.get("name").asString()).isEqualTo("Sheena Nelson");
    }

    @Test
    void aWhatsAppButtonAndAnMmsWithoutTextAreStored() {
        assertThat(TwilioForms.post(hook(), form("whatsapp-button.form"), TOKEN).statusCode()).isEqualTo(200);
        assertThat(TwilioForms.post(hook(), form("mms.form"), TOKEN).statusCode()).isEqualTo(200);
        List<JsonNode> all = messages();
        assertThat(all).extracting(m -> m.get("body").asString()).containsExactlyInAnyOrder("button: Confirm delivery", "");
        JsonNode mms = all.stream().filter(m -> m.get("attachments").size() > 0).findFirst().orElseThrow();
        assertThat(mms.get("attachments")).extracting(a -> a.get("contentType").asString())
                .containsExactly("image/jpeg", "application/pdf");
    }

    /**
     * Twilio's data to sign is the URL, then each parameter name followed by its value, names sorted; a name sent
     * twice contributes each of its values. Written out here by hand so the test does not reuse the code it checks.
     */
    @Test
    void aGenuineRequestWithARepeatedParameterIsAccepted() throws Exception {
        List<String[]> params = List.of(new String[] {"Body", "two links"}, new String[] {"From", "+14017122661"},
                new String[] {"MessageSid", "SMrepeated0000000000000000000000001"}, new String[] {"To", "+14155238886"},
                new String[] {"Tag", "beta"}, new String[] {"Tag", "alpha"});
        String data = hook() + "Bodytwo links" + "From+14017122661" + "MessageSidSMrepeated0000000000000000000000001"
                + "Tagalpha" + "Tagbeta" + "To+14155238886";
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String everyValue = Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        String firstValueOnly = Base64.getEncoder().encodeToString(mac.doFinal(
                data.replace("Tagbeta", "").getBytes(StandardCharsets.UTF_8)));

        assertThat(post(params, firstValueOnly).statusCode()).isEqualTo(403);
        HttpResponse<String> ok = post(params, everyValue);
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(messages()).extracting(m -> m.get("body").asString()).containsExactly("two links");
    }

    HttpResponse<String> post(List<String[]> params, String signature) throws Exception {
        StringBuilder body = new StringBuilder();
        for (String[] p : params) {
            body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(p[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(p[1], StandardCharsets.UTF_8));
        }
        return HTTP.send(HttpRequest.newBuilder(URI.create(hook())).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
