package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxStatus;
import dev.conversa.kernel.ChannelType;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EmailSettingsTest {
    private static EmailSettings of(Map<String, String> settings) {
        return EmailSettings.of(new Inbox(1, 1, "Soporte", ChannelType.EMAIL, settings, Set.of(), InboxStatus.ACTIVE, null,
                Instant.EPOCH, Instant.EPOCH));
    }

    @Test
    void absentSettingsTakeTheirDefaults() {
        EmailSettings s = of(Map.of("address", "soporte@acme.example"));
        assertThat(s.imapHost()).isNull();
        assertThat(s.imapPort()).isNull();
        assertThat(s.imapPortOrDefault()).isEqualTo(993);
        assertThat(s.smtpPortOrDefault()).isEqualTo(587);
        assertThat(s.imapFolder()).isEqualTo("INBOX");
        assertThat(s.imapIdle()).isTrue();
        assertThat(s.pollSeconds()).isEqualTo(30);
        assertThat(s.idleRefreshSeconds()).isEqualTo(540);
        assertThat(s.login()).isEqualTo("soporte@acme.example");
    }

    @Test
    void storedValuesAreReadTypedAndAnOlderInboxsJunkFallsBack() {
        EmailSettings s = of(Map.of("address", "a@b.example", "username", "agent7", "imapPort", "1143", "imapSecurity", "NONE",
                "smtpSecurity", "ssl", "imapIdle", "false", "pollSeconds", "0", "idleRefreshSeconds", "soon"));
        assertThat(s.imapPortOrDefault()).isEqualTo(1143);
        assertThat(s.imapSsl()).isFalse();
        assertThat(s.smtpPortOrDefault()).isEqualTo(465);
        assertThat(s.imapIdle()).isFalse();
        assertThat(s.pollSeconds()).as("at least one second").isEqualTo(1);
        assertThat(s.idleRefreshSeconds()).isEqualTo(540);
        assertThat(s.login()).isEqualTo("agent7");
        assertThat(of(Map.of("imapSecurity", "tls")).imapSecurity()).isEqualTo("ssl");
    }
}
