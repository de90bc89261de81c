package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conversa.lease.Leases;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node whose inbox lease is taken over stops reading that inbox at once: its IMAP IDLE connection ends and new mail
 * is left to the new holder; when the lease is free again the node takes it back and reads on from the cursor.
 */
@ConversaIT
class EmailLeaseLossIT {
    static GreenMail mail;

    @LocalServerPort
    int port;
    @Autowired
    EmailPoller poller;
    @Autowired
    Leases leases;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startMail() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @Test
    void aTakenOverInboxStopsIdlingHereAndIsReadAgainOnceTheLeaseComesBack() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String address = "idle-" + tag + "@acme.test";
        mail.setUser(address, address, "imap-secret");
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Lease loss").adminToken());
        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"Idle","channel":"EMAIL","settings":{"address":"%s","imapHost":"127.0.0.1","imapPort":"%d",
                 "imapSecurity":"none","smtpHost":"127.0.0.1","smtpPort":"%d","smtpSecurity":"none","pollSeconds":"1"},
                 "secrets":{"password":"imap-secret"}}""".formatted(address, mail.getImap().getPort(),
                mail.getSmtp().getPort())).json().get("id").asLong();
        await().atMost(Duration.ofSeconds(15)).until(() -> poller.idling(inbox));
        deliver(address, "<before-" + tag + "@example.com>");
        await().atMost(Duration.ofSeconds(10)).until(() -> stored(inbox) == 1);

        // another node takes the lease over (as after this node stalled past its expiry)
        String name = EmailPoller.leaseName(inbox);
        assertThat(jdbc.sql("""
                UPDATE lease SET holder = 'another-node/1', token = token + 1, expires_at = CURRENT_TIMESTAMP + INTERVAL '1' HOUR
                WHERE holder = ? AND name LIKE ?""").params(leases.holder(), "%" + name).update()).isEqualTo(1);
        // the next renewal (every third of the 15 s lease) finds it gone: IDLE ends, polling stops. (GreenMail's
        // handler thread complains of the dropped IDLE connection: not this test's failure.)
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10)).until(() -> !leases.holds(name) && !poller.idling(inbox));
        deliver(address, "<during-" + tag + "@example.com>");
        Thread.sleep(3000); // three polling rounds, had this node still been reading
        assertThat(stored(inbox)).isEqualTo(1);
        assertThat(poller.pollNow(inbox)).isZero();

        // the other node let go: this node takes the inbox back and reads on
        jdbc.sql("UPDATE lease SET holder = NULL WHERE holder = 'another-node/1' AND name LIKE ?").param("%" + name).update();
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(15)).until(() -> stored(inbox) == 2);
        assertThat(leases.holds(name)).isTrue();
    }

    private static void deliver(String to, String messageId) throws Exception {
        String raw = """
                Message-ID: %s
                From: Cliente <cliente@example.com>
                To: %s
                Subject: Hola %s
                Content-Type: text/plain; charset=UTF-8

                ¿Me ayudan?
                """.formatted(messageId, to, messageId);
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
        mail.getUserManager().getUser(to).deliver(m);
    }

    private int stored(long inbox) {
        return jdbc.sql("SELECT COUNT(*) FROM message WHERE inbox_id = ?").param(inbox).query(Integer.class).single();
    }
}
