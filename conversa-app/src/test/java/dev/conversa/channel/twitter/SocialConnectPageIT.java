package dev.conversa.channel.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The admin page explains how to connect each network and shows each social inbox's webhook URL and status. */
@ConversaIT
class SocialConnectPageIT {
    @LocalServerPort
    int port;

    @Test
    void showsEveryNetworkAndTheWebhookUrlOfEachInbox() throws Exception {
        Api api = new Api(port, null);
        var ws = api.createWorkspace("Connect");
        long inbox = SocialTestKit.createInbox(api.as(ws.adminToken()), "WHATSAPP", "{\"phoneNumberId\":\"106540352242922\"}",
                "{\"appSecret\":\"s\"}");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(login);
        assertThat(csrf.find()).isTrue();
        String token = csrf.group(1) != null ? csrf.group(1) : csrf.group(2);
        browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc("admin@" + ws.slug() + ".test")
                        + "&password=correct-horse-battery&_csrf=" + enc(token))).build(), HttpResponse.BodyHandlers.ofString());
        var page = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/social-channels")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("X / Twitter (API v2)", "Facebook page + Messenger", "Instagram", "WhatsApp (Cloud API",
                "Telegram (Bot API)", "Mastodon", "/hooks/meta/" + inbox, "consumerSecret=")
                // each channel's declared settings and secrets, and its steps from the bundle
                .contains("mode=webhook\nbotUsername=\napiBaseUrl=https://api.telegram.org", "botToken=\nwebhookSecret=",
                        "pageId=\napiBaseUrl=https://graph.facebook.com\ngraphVersion=v23.0",
                        "Create the bot with @BotFather, then call setWebhook");
        var spanish = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/social-channels?lang=es")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(spanish.body()).contains("Crea el bot con @BotFather y llama a setWebhook")
                .doesNotContain("Create the bot with @BotFather");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
