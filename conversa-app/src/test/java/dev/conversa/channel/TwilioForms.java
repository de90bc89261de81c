package dev.conversa.channel;

import dev.conversa.channel.sms.TwilioSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Plays Twilio: reads a documented webhook payload from test resources, signs it like Twilio, and posts it. */
public final class TwilioForms {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private TwilioForms() {
    }

    public static Map<String, String> load(String name) {
        try (InputStream in = TwilioForms.class.getResourceAsStream("/channel/twilio/" + name)) {
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

    public static String resource(String name) {
        try (InputStream in = TwilioForms.class.getResourceAsStream("/channel/twilio/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts the form signed with {@code authToken}; answers the HTTP status and body. */
    public static HttpResponse<String> post(String url, Map<String, String> params, String authToken) {
        return postWithSignature(url, params, TwilioSignature.sign(authToken, url, params));
    }

    public static HttpResponse<String> postWithSignature(String url, Map<String, String> params, String signature) {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(),
                        StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        var request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
