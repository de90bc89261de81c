package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import dev.conversa.kernel.ChannelType;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IMAP IDLE watcher against GreenMail, with the inbox record handed over directly. */
class EmailIdleTest {
    GreenMail mail;
    EmailIdle watcher;

    @BeforeEach
    void start() {
        mail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
        mail.start();
        mail.setUser("support@acme.test", "support@acme.test", "imap-secret");
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.stop();
        }
        mail.stop();
    }

    @Test
    void mailLandingAfterAFetchButBeforeIdleStartsIsFetchedWithoutWaitingForTheRefresh() {
        Inbox inbox = new Inbox(7, 1, "Support", ChannelType.EMAIL, Map.of("address", "support@acme.test",
                "imapHost", "127.0.0.1", "imapPort", String.valueOf(mail.getImap().getPort()), "imapSecurity", "none",
                "imapIdle", "true", "idleRefreshSeconds", "600"), Set.of("password"), InboxStatus.ACTIVE, null,
                Instant.now(), Instant.now());
        InboxService inboxes = mock(InboxService.class);
        when(inboxes.allOfChannel(ChannelType.EMAIL)).thenReturn(List.of(inbox));
        when(inboxes.secrets(1, 7)).thenReturn(Map.of("password", "imap-secret"));
        AtomicInteger fetches = new AtomicInteger();
        // The watcher's first fetch ("whatever arrived before IDLE began") finds nothing, and mail lands just after
        // it, before the IDLE command: the server announces it as IDLE starts, which does not end the IDLE.
        watcher = new EmailIdle(inboxes, i -> {
            if (fetches.incrementAndGet() == 1) {
                deliver();
            }
        });
        watcher.ensure(inbox);
        await().atMost(Duration.ofSeconds(10)).until(() -> watcher.idling(7));
        // Refreshing is 10 minutes away and nothing else arrives: only the announcement can bring a second fetch.
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> fetches.get() >= 2);
        assertThat(fetches.get()).isEqualTo(2);
    }

    private void deliver() {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream("""
                    Message-ID: <between@example.com>
                    From: lucia@example.com
                    To: support@acme.test
                    Subject: Entre dos
                    Content-Type: text/plain; charset=UTF-8

                    Hola.
                    """.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
            mail.getUserManager().getUser("support@acme.test").deliver(m);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
