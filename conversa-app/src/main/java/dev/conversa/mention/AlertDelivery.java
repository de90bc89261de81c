package dev.conversa.mention;

import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends an alert by email (Spring Boot's {@code spring.mail.*}) and to the rule's webhook: one attempt of each route
 * asked for. {@link AlertDeliveries} retries the failed routes and stores the outcome with the alert (the console and
 * the Atom feed have the alert in any case).
 *
 * <p>Redirects are not followed, and unless {@code allow-private-addresses} a webhook host that resolves to an address
 * of the installation's own network is refused (checked just before the request, as for feeds).
 *
 * <p>The webhook's body is the alert as JSON; {@code X-Conversa-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">} keyed with the rule's secret, the scheme of the automation webhooks, so one receiver verifies both.
 */
@Component
class AlertDelivery {
    static final String SIGNATURE = "X-Conversa-Signature";

    private final ObjectProvider<JavaMailSender> mail;
    private final JsonMapper json;
    private final AlertProperties properties;
    private final Clock clock;
    private final HttpClient http;

    AlertDelivery(ObjectProvider<JavaMailSender> mail, JsonMapper json, AlertProperties properties,
                  ObjectProvider<Clock> clock) {
        this.mail = mail;
        this.json = json;
        this.properties = properties;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    record Outcome(String email, String webhook) {
    }

    /** Sends by the routes asked for; a route not asked for, or that the rule does not have, comes back {@code null}. */
    Outcome deliver(Alert alert, AlertRule rule, boolean byEmail, boolean byWebhook) {
        return new Outcome(byEmail ? email(alert, rule) : null, byWebhook ? webhook(alert, rule) : null);
    }

    /** Whether a route's status is worth another attempt: a failure (not a refusal or a missing configuration). */
    static boolean retryable(String status) {
        return status != null && status.startsWith("failed");
    }

    private String email(Alert alert, AlertRule rule) {
        if (rule.emailTo().isEmpty()) {
            return null;
        }
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return "not sent: no mail server configured (spring.mail.host)";
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(properties.from());
        message.setTo(rule.emailTo().toArray(String[]::new));
        message.setSubject("[Conversa] " + alert.headline());
        message.setText(text(alert));
        try {
            sender.send(message);
            return "sent";
        } catch (RuntimeException e) {
            return "failed: " + e.getMessage();
        }
    }

    /** The alert as a person reads it: the numbers, then what was said. */
    static String text(Alert a) {
        StringBuilder out = new StringBuilder(a.headline()).append("\n\n");
        out.append("Observed: ").append(a.observed()).append('\n');
        out.append("Expected: ").append(Math.round(a.bandLow())).append("–").append(Math.round(a.bandHigh()))
                .append(" (median ").append(a.expected()).append(" of the same hour in the last weeks: ")
                .append(a.baseline()).append("; robust z-score ").append(String.format(java.util.Locale.ROOT, "%.2f", a.zScore()))
                .append(")\n");
        out.append("Top terms: ").append(a.topTerms().stream().map(t -> t.key() + " (" + t.posts() + ")")
                .collect(Collectors.joining(", "))).append('\n');
        out.append("Top authors: ").append(a.topAuthors().stream().map(t -> t.author() + " (" + t.posts() + ")")
                .collect(Collectors.joining(", "))).append('\n');
        out.append("Sample posts:\n");
        for (Alert.Sample s : a.samples()) {
            out.append("- ").append(s.author() == null ? "" : s.author() + ": ").append(s.text())
                    .append(s.url() == null ? "" : " " + s.url()).append('\n');
        }
        return out.toString();
    }

    private String webhook(Alert alert, AlertRule rule) {
        if (rule.webhookUrl() == null) {
            return null;
        }
        URI uri = URI.create(rule.webhookUrl());
        try {
            if (!properties.allowPrivateAddresses()) {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (FeedFetcher.isPrivate(address)) {
                        return "refused: " + uri.getHost() + " is a private address (" + address.getHostAddress()
                                + "); see conversa.listening.alerts.allow-private-addresses";
                    }
                }
            }
        } catch (IOException e) {
            return "failed: " + e;
        }
        String body = json.writeValueAsString(alert);
        long t = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.timeout())
                .header("Content-Type", "application/json")
                .header(SIGNATURE, "t=" + t + ",v1=" + hmac(rule.webhookSecret(), t + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? "sent" : "failed: HTTP " + status;
        } catch (IOException e) {
            return "failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "failed: interrupted";
        }
    }

    static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Whether the text is one email address, as Jakarta Mail reads it. */
    static boolean address(String text) {
        try {
            new InternetAddress(text, true);
            return text.contains("@");
        } catch (jakarta.mail.internet.AddressException e) {
            return false;
        }
    }
}
