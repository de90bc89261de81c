package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Email end to end against GreenMail: IMAP in, SMTP out, threading, auto-replies, bounces, redelivery. */
@ConversaIT
class EmailIT {
    static GreenMail mail;

    @LocalServerPort
    int port;
    @Autowired
    EmailPoller poller;
    Api admin;
    long inbox;
    String support;
    String customer;

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
        String tag = UUID.randomUUID().toString().substring(0, 8);
        support = "support-" + tag + "@acme.test";
        customer = "lucia-" + tag + "@example.com";
        mail.setUser(support, support, "imap-secret");
        mail.setUser(customer, customer, "customer-secret");
        Api api = new Api(port, null);
        admin = api.as(api.createWorkspace("Email").adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"Acme Support","channel":"EMAIL","settings":{"address":"%s","imapHost":"127.0.0.1","imapPort":"%d",
                 "imapSecurity":"none","smtpHost":"127.0.0.1","smtpPort":"%d","smtpSecurity":"none","pollSeconds":"3600",
                 "imapIdle":"false","retryBackoffMs":"100"},"secrets":{"password":"imap-secret"}}"""
                .formatted(support, mail.getImap().getPort(), mail.getSmtp().getPort())).json().get("id").asLong();
    }

    @Test
    void aCustomerEmailOpensAConversationTheReplyThreadsAndAnAutoReplyDoesNotReopenOrLoop() throws Exception {
        deliver("""
                Message-ID: <order-1-%1$s>
                From: Lucía Pérez <%2$s>
                To: Acme <%3$s>
                Subject: Pedido 4411 no ha llegado
                Date: Tue, 10 Mar 2026 09:00:00 +0100
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="mixed"

                --mixed
                Content-Type: multipart/alternative; boundary="alt"

                --alt
                Content-Type: text/plain; charset=UTF-8

                Hola, mi pedido 4411 no ha llegado.

                --alt
                Content-Type: text/html; charset=UTF-8

                <p>Hola, mi pedido <b>4411</b> no ha llegado.</p><script>alert(1)</script>
                --alt--

                --mixed
                Content-Type: application/pdf; name="factura.pdf"
                Content-Disposition: attachment; filename="factura.pdf"
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --mixed--
                """.formatted(customer, customer, support));
        // The inbox's own first poll, a moment after it was created, may fetch it first; polls of one inbox take
        // turns, so once pollNow returns the message is stored whoever fetched it.
        assertThat(poller.pollNow(inbox)).isBetween(0, 1);

        JsonNode conversation = onlyConversation();
        long c = conversation.get("id").asLong();
        assertThat(conversation.get("subject").asString()).isEqualTo("Pedido 4411 no ha llegado");
        JsonNode first = messages(c).get(0);
        assertThat(first.get("body").asString()).isEqualTo("Hola, mi pedido 4411 no ha llegado.");
        assertThat(first.get("attachments").get(0).get("fileName").asString()).isEqualTo("factura.pdf");
        assertThat(first.get("attachments").get(0).get("sizeBytes").asLong()).isEqualTo(9);

        long reply = admin.post("/api/v1/conversations/" + c + "/messages", """
                {"body":"Lo siento, Lucía. Sale hoy."}""").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(message(c, reply).get("deliveryStatus").asString()));
        MimeMessage received = mailbox(customer, 1)[0];
        String ourId = received.getMessageID();
        assertThat(received.getHeader("In-Reply-To", null)).isEqualTo("<order-1-" + customer + ">");
        assertThat(received.getHeader("References", null)).contains("<order-1-" + customer + ">");
        assertThat(received.getSubject()).isEqualTo("Re: Pedido 4411 no ha llegado");
        // (sent with an API token, which is its own principal and no person: the inbox's name is the sender's)
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Acme Support");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo(support);
        assertThat(received.getContent().toString()).contains("Sale hoy.");
        assertThat(message(c, reply).get("externalId").asString()).isEqualTo(ourId);

        // The customer's answer, quoting our reply, lands in the same conversation, with the quote folded away.
        deliver("""
                Message-ID: <order-2-%1$s>
                From: Lucía Pérez <%1$s>
                To: %2$s
                Subject: Re: Pedido 4411 no ha llegado
                In-Reply-To: %3$s
                References: <order-1-%1$s> %3$s
                Content-Type: text/plain; charset=UTF-8

                ¡Gracias!

                El mar, 10 mar 2026 a las 10:00, Acme <%2$s> escribió:
                > Lo siento, Lucía. Sale hoy.
                """.formatted(customer, support, ourId));
        assertThat(poller.pollNow(inbox)).isEqualTo(1);
        assertThat(admin.get("/api/v1/conversations?channel=EMAIL").json().get("total").asLong()).isEqualTo(1);
        assertThat(messages(c)).hasSize(3);
        assertThat(messages(c).get(2).get("body").asString()).isEqualTo("¡Gracias!");

        // Resolved; then the customer's out-of-office answers our next reply: no reopening, no answer back.
        admin.patch("/api/v1/conversations/" + c, """
                {"status":"RESOLVED"}""");
        deliver("""
                Message-ID: <ooo-1-%1$s>
                From: Lucía Pérez <%1$s>
                To: %2$s
                Subject: Fuera de la oficina: Re: Pedido 4411 no ha llegado
                In-Reply-To: %3$s
                References: %3$s
                Auto-Submitted: auto-replied
                X-Autoreply: yes
                Content-Type: text/plain; charset=UTF-8

                Estoy de vacaciones hasta el lunes.
                """.formatted(customer, support, ourId));
        assertThat(poller.pollNow(inbox)).isEqualTo(1);
        JsonNode after = admin.get("/api/v1/conversations/" + c).json();
        assertThat(after.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(messages(c)).hasSize(3);
        assertThat(admin.get("/api/v1/conversations/" + c + "/notes").json().get(0).get("body").asString())
                .startsWith("Automatic reply received");
        Thread.sleep(500);
        assertThat(mail.getReceivedMessagesForDomain(customer.substring(customer.indexOf('@') + 1)))
                .filteredOn(m -> recipient(m).equals(customer)).hasSize(1);
    }

    @Test
    void theSameEmailDeliveredThreeTimesIsStoredOnce() throws Exception {
        String raw = """
                Message-ID: <dup-%1$s>
                From: %1$s
                To: %2$s
                Subject: Factura duplicada
                Content-Type: text/plain; charset=UTF-8

                Me habéis cobrado dos veces.
                """.formatted(customer, support);
        deliver(raw);
        deliver(raw);
        deliver(raw);
        assertThat(mail.getReceivedMessages()).filteredOn(m -> ("<dup-" + customer + ">").equals(messageId(m))).hasSize(3);
        // The inbox's own first poll may already have fetched some of the three copies: whoever fetched them, the
        // message is stored once.
        assertThat(poller.pollNow(inbox)).isBetween(0, 3);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(messages(onlyConversation().get("id").asLong())).hasSize(1));
        assertThat(poller.pollNow(inbox)).isZero(); // the cursor moved on
        assertThat(messages(onlyConversation().get("id").asLong())).hasSize(1);
    }

    @Test
    void withoutThreadingHeadersTheSubjectAndSenderThreadAndABounceMarksTheReplyFailed() throws Exception {
        deliver("""
                Message-ID: <s-1-%1$s>
                From: %1$s
                To: %2$s
                Subject: Cambio de talla
                Content-Type: text/html; charset=UTF-8

                <div>Quiero <i>cambiar</i> la talla.<img src=x onerror=alert(1)></div>
                """.formatted(customer, support));
        deliver("""
                Message-ID: <s-2-%1$s>
                From: %1$s
                To: %2$s
                Subject: RE: Cambio de talla
                Content-Type: text/plain; charset=UTF-8

                Es la M.
                """.formatted(customer, support));
        poller.pollNow(inbox);
        long c = onlyConversation().get("id").asLong();
        assertThat(messages(c)).hasSize(2);
        assertThat(messages(c).get(0).get("body").asString()).isEqualTo("Quiero cambiar la talla.");

        long reply = admin.post("/api/v1/conversations/" + c + "/messages", """
                {"body":"Hecho."}""").json().get("id").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(message(c, reply).get("deliveryStatus").asString()));
        String ourId = message(c, reply).get("externalId").asString();
        deliver("""
                Message-ID: <dsn-%1$s>
                From: Mail Delivery Subsystem <mailer-daemon@example.com>
                To: %2$s
                Subject: Undelivered Mail Returned to Sender
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; %1$s
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown
                --b
                Content-Type: text/rfc822-headers

                Message-ID: %3$s
                From: %2$s
                To: %1$s
                --b--
                """.formatted(customer, support, ourId));
        poller.pollNow(inbox);
        assertThat(message(c, reply).get("deliveryStatus").asString()).isEqualTo("FAILED");
        assertThat(message(c, reply).get("deliveryError").asString()).contains("bounced").contains("5.1.1");
        assertThat(messages(c)).hasSize(3);
    }

    @Test
    void mailDeliveredWhileTheInboxIdlesIsIngestedAtOnceWithoutPolling() throws Exception {
        // Same mailbox, IDLE on; hourly polling, so only IDLE can bring the mail in within seconds.
        admin.patch("/api/v1/inboxes/" + inbox, """
                {"settings":{"imapIdle":"true"}}""");
        await().atMost(Duration.ofSeconds(10)).until(() -> poller.idling(inbox));
        deliver("""
                Message-ID: <idle-1-%1$s>
                From: %1$s
                To: %2$s
                Subject: ¿Abrís el domingo?
                Content-Type: text/plain; charset=UTF-8

                Quería pasar el domingo por la tienda.
                """.formatted(customer, support));
        // Polling is hourly: within seconds, only IDLE can have brought it (10 s leaves room for a busy CI machine).
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> admin.get("/api/v1/conversations").json().get("total").asLong() == 1);
        assertThat(messages(onlyConversation().get("id").asLong()).get(0).get("body").asString())
                .isEqualTo("Quería pasar el domingo por la tienda.");
        // still idling: the next mail too
        await().atMost(Duration.ofSeconds(3)).until(() -> poller.idling(inbox));
        deliver("""
                Message-ID: <idle-2-%1$s>
                From: %1$s
                To: %2$s
                Subject: Re: ¿Abrís el domingo?
                In-Reply-To: <idle-1-%1$s>
                Content-Type: text/plain; charset=UTF-8

                Gracias.
                """.formatted(customer, support));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> messages(onlyConversation().get("id").asLong()).size() == 2);
    }

    private void deliver(String raw) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        mail.getUserManager().getUser(support).deliver(m);
    }

    private MimeMessage[] mailbox(String address, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> mail.getReceivedMessagesForDomain(
                address.substring(address.indexOf('@') + 1)).length >= count);
        return java.util.Arrays.stream(mail.getReceivedMessagesForDomain(address.substring(address.indexOf('@') + 1)))
                .filter(m -> recipient(m).equals(address)).toArray(MimeMessage[]::new);
    }

    private static String recipient(MimeMessage m) {
        try {
            return ((InternetAddress) m.getAllRecipients()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode onlyConversation() {
        JsonNode list = admin.get("/api/v1/conversations?channel=EMAIL").json();
        assertThat(list.get("total").asLong()).isEqualTo(1);
        return list.get("items").get(0);
    }

    private java.util.List<JsonNode> messages(long c) {
        var out = new java.util.ArrayList<JsonNode>();
        admin.get("/api/v1/conversations/" + c + "/messages?size=200").json().get("items").forEach(out::add);
        return out;
    }

    private JsonNode message(long c, long id) {
        return messages(c).stream().filter(m -> m.get("id").asLong() == id).findFirst().orElseThrow();
    }
}
