package dev.conversa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelSettingTest {

    @Test
    void eachKindRefusesWhatItCannotUseAndNamesTheSetting() {
        assertThat(ChannelSetting.number("imapPort", null, "").problem("993")).isNull();
        assertThat(ChannelSetting.number("imapPort", null, "").problem("99x")).isEqualTo("imapPort must be a whole number, not \"99x\"");
        assertThat(ChannelSetting.bool("imapIdle", true, "").problem("FALSE")).isNull();
        assertThat(ChannelSetting.bool("imapIdle", true, "").problem("yes")).contains("true or false");
        var security = ChannelSetting.choice("imapSecurity", "ssl", List.of("ssl", "starttls", "none"), "");
        assertThat(security.problem("STARTTLS")).isNull();
        assertThat(security.problem("tls")).isEqualTo("imapSecurity must be one of ssl, starttls, none, not \"tls\"");
        assertThat(ChannelSetting.url("webhookBaseUrl", "").problem("https://conversa.example.com")).isNull();
        assertThat(ChannelSetting.url("webhookBaseUrl", "").problem("conversa.example.com")).contains("absolute http or https URL");
        assertThat(ChannelSetting.url("webhookBaseUrl", "").problem("ftp://example.com")).isNotNull();
        assertThat(ChannelSetting.email("address", "").problem("soporte@acme.example")).isNull();
        assertThat(ChannelSetting.email("address", "").problem("soporte")).contains("email address");
        assertThat(ChannelSetting.text("fromName", "").problem("x".repeat(2001))).contains("2,000");
        // blank removes a setting: always allowed
        assertThat(ChannelSetting.number("imapPort", null, "").problem(" ")).isNull();
    }
}
