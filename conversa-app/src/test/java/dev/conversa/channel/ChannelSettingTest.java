package dev.conversa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.kernel.ChannelType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelSettingTest {

    @Test
    void eachKindRefusesWhatItCannotUseAndNamesTheSetting() {
        assertThat(ChannelSetting.number("imapPort", null).problem("993")).isNull();
        assertThat(ChannelSetting.number("imapPort", null).problem("99x")).isEqualTo("imapPort must be a whole number, not \"99x\"");
        assertThat(ChannelSetting.bool("imapIdle", true).problem("FALSE")).isNull();
        assertThat(ChannelSetting.bool("imapIdle", true).problem("yes")).contains("true or false");
        var security = ChannelSetting.choice("imapSecurity", "ssl", List.of("ssl", "starttls", "none"));
        assertThat(security.problem("STARTTLS")).isNull();
        assertThat(security.problem("tls")).isEqualTo("imapSecurity must be one of ssl, starttls, none, not \"tls\"");
        assertThat(ChannelSetting.url("webhookBaseUrl").problem("https://conversa.example.com")).isNull();
        assertThat(ChannelSetting.url("webhookBaseUrl").problem("conversa.example.com")).contains("absolute http or https URL");
        assertThat(ChannelSetting.url("webhookBaseUrl").problem("ftp://example.com")).isNotNull();
        assertThat(ChannelSetting.email("address").problem("soporte@acme.example")).isNull();
        assertThat(ChannelSetting.email("address").problem("soporte")).contains("email address");
        assertThat(ChannelSetting.text("fromName").problem("x".repeat(2001))).contains("2,000");
        // blank removes a setting: always allowed
        assertThat(ChannelSetting.number("imapPort", null).problem(" ")).isNull();
    }

    @Test
    void aChannelReadsItsSettingsWithTheDefaultsItDeclares() {
        var port = ChannelSetting.number("pollSeconds", 30);
        assertThat(port.readNumber(Map.of("pollSeconds", " 45 "), 1)).isEqualTo(45);
        assertThat(port.readNumber(Map.of(), 1)).isEqualTo(30);
        assertThat(port.readNumber(Map.of("pollSeconds", "0"), 1)).isEqualTo(1);
        // an older inbox may hold a value no longer accepted: the declared default, not an exception
        assertThat(port.readNumber(Map.of("pollSeconds", "soon"), 1)).isEqualTo(30);
        assertThat(ChannelSetting.number("imapPort", null).readNumber(Map.of(), 1)).isNull();
        var idle = ChannelSetting.bool("imapIdle", true);
        assertThat(idle.readBoolean(Map.of())).isTrue();
        assertThat(idle.readBoolean(Map.of("imapIdle", "FALSE"))).isFalse();
        assertThat(idle.readBoolean(Map.of("imapIdle", "perhaps"))).isTrue();
        assertThat(ChannelSetting.bool("pollMentions", false).readBoolean(Map.of("pollMentions", "perhaps"))).isFalse();
        var mode = ChannelSetting.choice("mode", "webhook", List.of("webhook", "polling"));
        assertThat(mode.readChoice(Map.of("mode", "POLLING"))).isEqualTo("polling");
        assertThat(mode.readChoice(Map.of("mode", "carrier pigeon"))).isEqualTo("webhook");
        var folder = ChannelSetting.text("imapFolder").withDefault("INBOX");
        assertThat(folder.read(Map.of("imapFolder", "  "))).isEqualTo("INBOX");
        assertThat(folder.read(Map.of("imapFolder", " Support "))).isEqualTo("Support");
        assertThat(folder.helpKey(ChannelType.EMAIL)).isEqualTo("channel.setting.EMAIL.imapFolder");
    }
}
