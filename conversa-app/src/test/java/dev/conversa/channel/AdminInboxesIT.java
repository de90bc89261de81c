package dev.conversa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import dev.conversa.kernel.ChannelType;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;

/** Admin → Inboxes: an admin signs in, creates an SMS inbox with a secret, and sees it listed without the secret. */
@ConversaIT
class AdminInboxesIT {
    @LocalServerPort
    int port;
    @Autowired
    List<ChannelAdapter> adapters;
    @Autowired
    MessageSource messages;

    @Test
    void everySettingAChannelDeclaresIsExplainedInEnglishAndSpanish() {
        assertThat(adapters).extracting(ChannelAdapter::type).contains(ChannelType.TELEGRAM, ChannelType.TWITTER,
                ChannelType.MASTODON, ChannelType.FACEBOOK, ChannelType.INSTAGRAM, ChannelType.WHATSAPP);
        for (ChannelAdapter adapter : adapters) {
            for (ChannelSetting setting : adapter.settings()) {
                String key = setting.helpKey(adapter.type());
                String en = messages.getMessage(key, null, null, Locale.ENGLISH);
                String es = messages.getMessage(key, null, null, Locale.forLanguageTag("es"));
                assertThat(en).as(key).isNotBlank();
                assertThat(es).as(key).isNotBlank().isNotEqualTo(en);
            }
            if (adapter.connectGuide().isPresent()) {
                String key = "channel.connect." + adapter.type() + ".steps";
                assertThat(messages.getMessage(key, null, null, Locale.ENGLISH)).as(key).isNotBlank();
                assertThat(messages.getMessage(key, null, null, Locale.forLanguageTag("es"))).as(key).isNotBlank();
            }
        }
        assertThat(messages.getMessage("channel.setting.MASTODON.publicVisibility", null, Locale.ENGLISH))
                .isEqualTo("Visibility of a public reply: public, unlisted or private");
        assertThat(messages.getMessage("channel.setting.EMAIL.address", null, Locale.ENGLISH)).startsWith("The mailbox's address");
    }

    @Test
    void anAdminCreatesAnInboxFromThePageAndItsSecretIsNeverShown() throws Exception {
        Api api = new Api(port, null);
        var ws = api.createWorkspace("Admin pages");
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String base = "http://localhost:" + port;
        String login = browser.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        browser.send(form(base + "/login", "username=" + enc("admin@" + ws.slug() + ".test")
                + "&password=correct-horse-battery&_csrf=" + enc(csrf(login))), HttpResponse.BodyHandlers.ofString());

        String page = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/inboxes")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("<h1>Inboxes</h1>").contains("new-sms");
        // the forms are written from what each channel declares: its settings with their defaults, and what they mean
        assertThat(page).contains("smtpSecurity=starttls").contains("imapSecurity=ssl").contains("password=")
                .contains("IMAP server; without it the inbox only sends").contains("ssl | starttls | none")
                .contains("widgetPosition=right")
                .contains("new-telegram").contains("mode=webhook").contains("botToken=")
                .contains("new-whatsapp").contains("phoneNumberId=").contains("graphVersion=v23.0");
        var refused = browser.send(form(base + "/admin/inboxes", "name=" + enc("Broken mail") + "&channel=EMAIL&settings="
                + enc("imapPort=imap") + "&_csrf=" + enc(csrf(page))), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.body()).contains("imapPort must be a whole number, not &quot;imap&quot;");
        var created = browser.send(form(base + "/admin/inboxes", "name=" + enc("SMS Madrid") + "&channel=SMS&settings="
                + enc("accountSid=AC123\nfromNumber=+34600000000") + "&secrets=" + enc("authToken=very-secret-token")
                + "&_csrf=" + enc(csrf(page))), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("SMS Madrid").contains("accountSid=AC123").contains("authToken ✓")
                .doesNotContain("very-secret-token");
        var inboxes = api.as(ws.adminToken()).get("/api/v1/inboxes").json();
        assertThat(inboxes.get(0).get("settings").get("fromNumber").asString()).isEqualTo("+34600000000");
        assertThat(inboxes.get(0).get("secretNames").get(0).asString()).isEqualTo("authToken");
        assertThat(created.body()).contains("Inbox “SMS Madrid” created");

        // the same page in Spanish, from the message bundle
        String spanish = browser.send(HttpRequest.newBuilder(URI.create(base + "/admin/inboxes?lang=es")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(spanish).contains("<h1>Bandejas de entrada</h1>").contains("Nueva bandeja").contains("Guardar")
                .doesNotContain("New inbox").contains("Servidor IMAP; sin él la bandeja solo envía");
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
