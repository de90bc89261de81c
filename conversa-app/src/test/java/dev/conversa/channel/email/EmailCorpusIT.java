package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The real-mail corpus (mail-corpus/, see its ORIGIN.md) delivered through GreenMail into one mailbox: none lost,
 * the mailbox never blocked, no automatic mail opening a case, each automatic mail listed with its expected class.
 */
@ConversaIT
class EmailCorpusIT {
    static GreenMail mail;

    @LocalServerPort
    int port;
    @Autowired
    EmailPoller poller;
    @Autowired
    MailQuarantine quarantine;
    Api admin;
    long workspace;
    long inbox;
    String support;

    @BeforeAll
    static void startMail() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @BeforeEach
    void setUp() {
        support = "corpus-" + UUID.randomUUID().toString().substring(0, 8) + "@acme.test";
        mail.setUser(support, support, "imap-secret");
        Api api = new Api(port, null);
        var ws = api.createWorkspace("Corpus");
        workspace = ws.id();
        admin = api.as(ws.adminToken());
    }

    private long createInbox(boolean idle) {
        return admin.post("/api/v1/inboxes", """
                {"name":"Corpus","channel":"EMAIL","settings":{"address":"%s","imapHost":"127.0.0.1","imapPort":"%d",
                 "imapSecurity":"none","smtpHost":"127.0.0.1","smtpPort":"%d","smtpSecurity":"none","pollSeconds":"3600",
                 "imapIdle":"%s"},"secrets":{"password":"imap-secret"}}"""
                .formatted(support, mail.getImap().getPort(), mail.getSmtp().getPort(), idle)).json().get("id").asLong();
    }

    @Test
    void everyCorpusMessageEndsAsAConversationMessageAnAutomaticMailRecordOrAQuarantineEntry() throws Exception {
        List<MailCorpus.Sample> corpus = MailCorpus.samples();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(60);
        for (MailCorpus.Sample s : corpus) {
            deliver(s.raw());
        }
        inbox = createInbox(false);
        pollUntilDone();

        // 0 mailboxes blocked: the inbox is healthy and a customer's mail sent after the corpus still arrives.
        JsonNode state = admin.get("/api/v1/inboxes/" + inbox).json();
        assertThat(state.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(state.get("lastError").isNull()).isTrue();
        deliver("""
                Message-ID: <after-corpus@example.com>
                From: Lucía <lucia@example.com>
                To: %s
                Subject: ¿Sigue abierto?
                Content-Type: text/plain; charset=UTF-8

                ¿Me leéis?
                """.formatted(support).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        pollUntilDone();

        Map<String, String> automatic = new HashMap<>();
        admin.get("/api/v1/inboxes/" + inbox + "/email/automatic-mail").json()
                .forEach(a -> automatic.put(a.get("headerMessageId").asString(), a.get("kind").asString()));
        List<JsonNode> quarantined = new ArrayList<>();
        admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine").json().forEach(quarantined::add);
        Set<String> conversationMessages = new HashSet<>();
        JsonNode conversations = admin.get("/api/v1/conversations?channel=EMAIL&size=200").json();
        for (JsonNode c : conversations.get("items")) {
            admin.get("/api/v1/conversations/" + c.get("id").asLong() + "/messages?size=200").json().get("items")
                    .forEach(m -> conversationMessages.add(m.get("externalId").asString()));
        }
        assertThat(conversationMessages).contains("<after-corpus@example.com>");

        int expectedQuarantine = 0;
        for (MailCorpus.Sample s : corpus) {
            String id = MailIntake.read(s.raw()).messageId();
            switch (s.expected()) {
                case MailCorpus.CONVERSATION -> {
                    assertThat(conversationMessages).as(s.file() + " is a message in a conversation").contains(id);
                    assertThat(automatic).as(s.file()).doesNotContainKey(id);
                }
                case MailCorpus.QUARANTINE -> expectedQuarantine++;
                default -> {
                    // each automatic mail listed with its class, and never a message in a case
                    assertThat(automatic.get(id)).as(s.file() + " listed as automatic mail").isEqualTo(s.expected());
                    assertThat(conversationMessages).as(s.file() + " opened no case").doesNotContain(id);
                }
            }
        }
        assertThat(quarantined).as("the quarantine").hasSize(expectedQuarantine);
        assertThat(quarantined).allSatisfy(q -> {
            assertThat(q.get("reason").asString()).isNotBlank();
            assertThat(q.get("status").asString()).isEqualTo("OPEN");
        });
        // 0 lost: every delivered message is accounted for exactly once (plus the one sent after the corpus)
        // (two mail-gem fixtures are the same message, one Message-ID: ingested once, the second is a duplicate)
        Set<String> personIds = new HashSet<>();
        for (MailCorpus.Sample s : corpus) {
            if (s.expected().equals(MailCorpus.CONVERSATION)) {
                personIds.add(MailIntake.read(s.raw()).messageId());
            }
        }
        long duplicates = corpus.stream().filter(s -> s.expected().equals(MailCorpus.CONVERSATION)).count() - personIds.size();
        assertThat(duplicates).isEqualTo(1);
        assertThat(conversationMessages).hasSize(personIds.size() + 1);
        assertThat(automatic.size() + quarantined.size() + conversationMessages.size() + duplicates)
                .isEqualTo(corpus.size() + 1);

        // A quarantined message is kept byte for byte; retrying it fails the same way; dismissing closes it.
        JsonNode first = quarantined.getFirst();
        long entry = first.get("id").asLong();
        var raw = admin.getAny("/api/v1/inboxes/" + inbox + "/email/quarantine/" + entry + "/raw");
        assertThat(raw.status()).isEqualTo(200);
        assertThat(raw.contentType()).startsWith("message/rfc822");
        JsonNode retried = admin.post("/api/v1/inboxes/" + inbox + "/email/quarantine/" + entry + "/retry", "").json();
        assertThat(retried.get("status").asString()).isEqualTo("OPEN");
        assertThat(retried.get("attempts").asInt()).isEqualTo(2);
        assertThat(admin.send("DELETE", "/api/v1/inboxes/" + inbox + "/email/quarantine/" + entry, null, "application/json")
                .status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine").json()).hasSize(expectedQuarantine - 1);
        assertThat(admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine?status=DISMISSED").json().get(0).get("id")
                .asLong()).isEqualTo(entry);
        assertThat(admin.post("/api/v1/inboxes/" + inbox + "/email/quarantine/" + entry + "/retry", "").status())
                .isEqualTo(409);

        // Workspace-scoped: another workspace's admin finds neither the inbox's lists nor its entries.
        Api other = new Api(port, null);
        other = other.as(other.createWorkspace("Other").adminToken());
        long second = quarantined.get(1).get("id").asLong();
        assertThat(other.get("/api/v1/inboxes/" + inbox + "/email/quarantine").status()).isEqualTo(404);
        assertThat(other.get("/api/v1/inboxes/" + inbox + "/email/automatic-mail").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/inboxes/" + inbox + "/email/quarantine/" + second + "/retry", "").status())
                .isEqualTo(404);
        assertThat(other.send("DELETE", "/api/v1/inboxes/" + inbox + "/email/quarantine/" + second, null,
                "application/json").status()).isEqualTo(404);
        assertThat(other.getAny("/api/v1/inboxes/" + inbox + "/email/quarantine/" + second + "/raw").status())
                .isEqualTo(404);
    }

    @Test
    void aRetryIngestsAQuarantinedMessageThatCanNowBeTakenIn() throws Exception {
        inbox = createInbox(false);
        pollUntilDone();
        // as if an earlier failure (a database outage mid-ingestion) had left it there
        byte[] raw = """
                Message-ID: <retry-me@example.com>
                From: Lucía <lucia@example.com>
                To: %s
                Subject: Factura
                Content-Type: text/plain; charset=UTF-8

                Necesito la factura.
                """.formatted(support).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        quarantine.store(workspace, inbox, null, raw, "ingestion failed: database unavailable");
        long entry = admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine").json().get(0).get("id").asLong();

        JsonNode retried = admin.post("/api/v1/inboxes/" + inbox + "/email/quarantine/" + entry + "/retry", "").json();
        assertThat(retried.get("status").asString()).isEqualTo("INGESTED");
        assertThat(retried.get("result").asString()).isEqualTo("STORED");
        assertThat(admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine").json()).isEmpty();
        JsonNode c = admin.get("/api/v1/conversations?channel=EMAIL").json().get("items").get(0);
        assertThat(c.get("subject").asString()).isEqualTo("Factura");
    }

    @Test
    void underImapIdleABrokenMessageNeitherBlocksTheMailboxNorIsLost() throws Exception {
        inbox = createInbox(true);
        await().atMost(Duration.ofSeconds(20)).until(() -> poller.idling(inbox));
        deliver(MailCorpus.read("spamscope-mail-outlook-1.eml")); // not even RFC 5322: quarantined
        deliver(MailCorpus.read("mail-raw-email-with-illegal-boundary.eml")); // read leniently
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(admin.get("/api/v1/inboxes/" + inbox + "/email/quarantine").json()).hasSize(1);
            assertThat(admin.get("/api/v1/conversations?channel=EMAIL").json().get("total").asLong()).isEqualTo(1);
        });
        assertThat(admin.get("/api/v1/inboxes/" + inbox).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(poller.idling(inbox)).isTrue();
    }

    /** Polls until the mailbox has nothing new: the cursor went past every message. */
    private void pollUntilDone() {
        await().atMost(Duration.ofSeconds(120)).until(() -> poller.pollNow(inbox) == 0);
    }

    private void deliver(byte[] raw) throws Exception {
        mail.getUserManager().getUser(support).deliver(new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw)));
    }
}
