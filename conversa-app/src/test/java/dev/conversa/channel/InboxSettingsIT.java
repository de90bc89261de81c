package dev.conversa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An inbox's settings are checked against what its channel declares before they are stored: a wrong kind of value is
 * a 400 problem naming the setting, on create and on change; what the channel does not declare is stored as given.
 */
@ConversaIT
class InboxSettingsIT {
    @LocalServerPort
    int port;

    @Test
    void aSettingOfTheWrongKindIsRefusedByName() {
        Api api = new Api(port, null);
        Api admin = api.as(api.createWorkspace("Inbox settings").adminToken());
        var badPort = admin.post("/api/v1/inboxes", """
                {"name":"Mail","channel":"EMAIL","settings":{"address":"soporte@acme.example","imapHost":"imap.acme.example","imapPort":"99x"}}""");
        assertThat(badPort.status()).isEqualTo(400);
        assertThat(badPort.json().get("errors").get(0).get("field").asString()).isEqualTo("settings.imapPort");
        assertThat(badPort.json().get("detail").asString()).isEqualTo("imapPort must be a whole number, not \"99x\"");
        assertThat(admin.get("/api/v1/inboxes").json().toString()).doesNotContain("imap.acme.example");

        var badAddress = admin.post("/api/v1/inboxes", """
                {"name":"Mail","channel":"EMAIL","settings":{"address":"soporte"}}""");
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.json().get("detail").asString()).contains("address must be an email address");

        var created = admin.post("/api/v1/inboxes", """
                {"name":"Mail","channel":"EMAIL","settings":{"address":"soporte@acme.example","imapSecurity":"STARTTLS","team":"billing"}}""");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("settings").get("team").asString()).as("not declared: stored as given").isEqualTo("billing");

        var badChange = admin.patch("/api/v1/inboxes/" + id, """
                {"settings":{"smtpSecurity":"tls"}}""");
        assertThat(badChange.status()).isEqualTo(400);
        assertThat(badChange.json().get("detail").asString()).isEqualTo("smtpSecurity must be one of ssl, starttls, none, not \"tls\"");
        assertThat(admin.patch("/api/v1/inboxes/" + id, """
                {"settings":{"smtpSecurity":"ssl","pollSeconds":"60"}}""").status()).isEqualTo(200);

        var badWidget = admin.post("/api/v1/inboxes", """
                {"name":"Web","channel":"WEBCHAT","settings":{"widgetPosition":"top"}}""");
        assertThat(badWidget.status()).isEqualTo(400);
        assertThat(badWidget.json().get("detail").asString()).contains("widgetPosition must be one of right, left");
    }
}
