package dev.conversa.channel.pager;

import static dev.conversa.channel.twitter.SocialTestKit.awaitDelivery;
import static dev.conversa.channel.twitter.SocialTestKit.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.ChannelMedia;
import dev.conversa.kernel.Media;
import dev.conversa.mention.MentionService;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * Issue 17, done-means 2: a channel added with only its own files (this package) and one registration (the bean
 * below) gets its admin form, its settings checked, its replies dispatched, its routing media and its listening
 * source, without an edit anywhere else.
 */
@ConversaIT
class ThrowawayChannelIT {
    /** The one registration. */
    @TestConfiguration
    static class Registration {
        @Bean
        PagerAdapter pagerAdapter() {
            return new PagerAdapter();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    PagerAdapter pager;
    @Autowired
    IngestionService ingestion;
    @Autowired
    ChannelMedia media;
    @Autowired
    MentionService mentions;

    @Test
    void aChannelFromItsOwnPackageGetsAFormValidationAndDelivery() throws Exception {
        Api api = new Api(port, null);
        var ws = api.createWorkspace("Pager channel");
        Api admin = api.as(ws.adminToken());

        // the admin form, written from what the channel declares
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browser.send(form(base + "/login", "username=" + enc("admin@" + ws.slug() + ".test")
                + "&password=correct-horse-battery&_csrf=" + enc(csrf(login))), HttpResponse.BodyHandlers.ofString());
        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/inboxes")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("id=\"new-pager\"").contains("value=\"PAGER\"")
                .contains("gatewayUrl=\npriority=3\ntone=beep").contains("gatewayKey=").contains("beep | silent");

        // validation: a wrong value of a declared setting is a 400 naming it, and nothing is stored
        var refused = admin.post("/api/v1/inboxes", """
                {"name":"Pagers","channel":"PAGER","settings":{"gatewayUrl":"https://pager.example","priority":"high"}}""");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("settings.priority");
        assertThat(refused.json().get("detail").asString()).isEqualTo("priority must be a whole number, not \"high\"");
        var badTone = admin.post("/api/v1/inboxes", """
                {"name":"Pagers","channel":"PAGER","settings":{"tone":"siren"}}""");
        assertThat(badTone.status()).isEqualTo(400);
        assertThat(badTone.json().get("errors").get(0).get("field").asString()).isEqualTo("settings.tone");
        assertThat(admin.get("/api/v1/inboxes").json()).isEmpty();

        var created = admin.post("/api/v1/inboxes", """
                {"name":"Pagers","channel":"PAGER","settings":{"gatewayUrl":"https://pager.example","priority":"5"},
                 "secrets":{"gatewayKey":"k-123"}}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("channel").asString()).isEqualTo("PAGER");
        long inbox = created.json().get("id").asLong();

        // a page comes in, an agent answers, the answer goes out through the adapter to the declared identity kind
        var in = ingestion.receive(ws.id(), inbox, new InboundMessage("page-in-1", null,
                new NewIdentity(IdentityKind.EXTERNAL, "pager:4711", "Rosa", null, null, null, null), null,
                "Call me back about order 88", Visibility.PRIVATE, List.of(), Instant.now()));
        var conversation = admin.get("/api/v1/conversations/" + in.conversationId()).json();
        assertThat(conversation.get("channel").asString()).isEqualTo("PAGER");
        // the console shows it under its type's name: the main bundles do not know the channel, and need not
        String console = browser.send(HttpRequest.newBuilder(URI.create(base + "/conversations/" + in.conversationId())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(console).contains("<span class=\"badge channel\">PAGER</span>").doesNotContain("??channel");
        assertThat(browser.send(HttpRequest.newBuilder(URI.create(base + "/inbox")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("<option value=\"PAGER\">PAGER</option>")
                .doesNotContain("??channel");
        long r = reply(admin, in.conversationId(), "PRIVATE", "Calling you in five minutes");
        assertThat(awaitDelivery(admin, in.conversationId(), r, "SENT").get("externalId").asString()).isEqualTo("page-" + r);
        assertThat(pager.sent).containsExactly(new PagerAdapter.Page("pager:4711", "Calling you in five minutes",
                "https://pager.example", 5));

        // what other modules read from the declaration: routing's media, listening's source
        assertThat(media.media(PagerAdapter.PAGER)).isEqualTo(Media.CHAT);
        assertThat(mentions.networkOf("PAGER")).contains(PagerAdapter.PAGER);
        assertThat(mentions.networkOf("myspace")).isEmpty();
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"|"
                + "name=\"csrf-token\" content=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no CSRF token in " + html);
        }
        return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
