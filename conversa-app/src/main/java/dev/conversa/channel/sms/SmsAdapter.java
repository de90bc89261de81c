package dev.conversa.channel.sms;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMS through Twilio's Messages API ({@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}). Inbox settings:
 * {@code accountSid}, {@code fromNumber} or {@code messagingServiceSid}, optional {@code apiBaseUrl}; secret
 * {@code authToken}. Texts longer than one provider message are split at word boundaries; parts already accepted
 * are remembered, so a retry sends only the rest.
 */
@Component
class SmsAdapter implements ChannelAdapter {
    static final int MAX_PART = 1600;
    static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(false, true, false, MAX_PART, false, false, null);

    private final SmsStore store;
    private final JsonMapper json;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SmsAdapter(SmsStore store, JsonMapper json, @Value("${conversa.base-url:}") String baseUrl) {
        this.store = store;
        this.json = json;
        this.baseUrl = baseUrl;
    }

    @Override
    public ChannelType type() {
        return ChannelType.SMS;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.PHONE;
    }

    @Override
    public Media media() {
        return Media.CHAT;
    }

    @Override
    public List<ChannelSetting> settings() {
        return SmsSettings.SPEC;
    }

    @Override
    public DeliveryResult send(OutboundMessage message) {
        if (message.recipient() == null) {
            return new DeliveryResult.Failed("the customer has no phone number");
        }
        String to = IdentityKind.PHONE.normalize(message.recipient().value());
        if (store.optedOut(message.inbox().id(), to)) {
            return new DeliveryResult.Failed("the customer opted out of SMS (STOP); they must send START to receive messages");
        }
        SmsSettings settings = SmsSettings.of(message.inbox());
        String accountSid = settings.accountSid();
        String token = message.secrets().get("authToken");
        if (accountSid == null || token == null) {
            return new DeliveryResult.Failed("the inbox needs the setting accountSid and the secret authToken");
        }
        String api = settings.apiBaseUrl().replaceAll("/+$", "");
        URI endpoint = URI.create(api + "/2010-04-01/Accounts/" + accountSid + "/Messages.json");
        String auth = "Basic " + Base64.getEncoder().encodeToString((accountSid + ":" + token).getBytes(StandardCharsets.UTF_8));
        List<String> parts = split(message.body(), MAX_PART);
        Map<Integer, String> sent = new LinkedHashMap<>(store.sentParts(message.messageId()));
        for (int i = 0; i < parts.size(); i++) {
            if (sent.containsKey(i)) {
                continue;
            }
            Map<String, String> form = new LinkedHashMap<>();
            form.put("To", to);
            if (settings.messagingServiceSid() != null) {
                form.put("MessagingServiceSid", settings.messagingServiceSid());
            } else {
                form.put("From", settings.fromNumber());
            }
            form.put("Body", parts.get(i));
            String callbackBase = settings.webhookBaseUrl() != null ? settings.webhookBaseUrl() : baseUrl;
            if (callbackBase != null && !callbackBase.isBlank()) {
                form.put("StatusCallback", callbackBase.replaceAll("/+$", "") + "/hooks/twilio/sms/" + message.inbox().id()
                        + "/status");
            }
            DeliveryResult r = post(endpoint, auth, form);
            if (!(r instanceof DeliveryResult.Sent(String sid))) {
                return r;
            }
            store.partSent(message.messageId(), i, sid);
            sent.put(i, sid);
        }
        return new DeliveryResult.Sent(sent.get(0));
    }

    private DeliveryResult post(URI endpoint, String auth, Map<String, String> form) {
        String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                JsonNode sent = json.readTree(response.body());
                return new DeliveryResult.Sent(sent.path("sid").asString());
            }
            String reason = "Twilio answered " + status + describe(response.body());
            if (status == 429 || status >= 500) {
                Duration after = response.headers().firstValue("Retry-After").map(SmsAdapter::seconds).orElse(null);
                return new DeliveryResult.RetryLater(reason, after);
            }
            return new DeliveryResult.Failed(reason);
        } catch (IOException e) {
            return new DeliveryResult.RetryLater("cannot reach Twilio: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.RetryLater("interrupted", null);
        }
    }

    private String describe(String body) {
        try {
            JsonNode error = json.readTree(body);
            return error.has("message") ? ": " + error.path("code").asString("") + " " + error.path("message").asString() : "";
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    private static Duration seconds(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Splits at the last space before the limit, so no word is cut in two (unless one word is longer). */
    static List<String> split(String text, int max) {
        List<String> parts = new ArrayList<>();
        String rest = text == null ? "" : text.strip();
        while (rest.length() > max) {
            int cut = rest.lastIndexOf(' ', max);
            if (cut <= max / 2) {
                cut = max;
            }
            parts.add(rest.substring(0, cut).strip());
            rest = rest.substring(cut).strip();
        }
        parts.add(rest);
        return parts;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
