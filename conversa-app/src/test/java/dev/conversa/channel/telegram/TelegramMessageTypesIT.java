package dev.conversa.channel.telegram;

import static dev.conversa.channel.twitter.SocialTestKit.conversations;
import static dev.conversa.channel.twitter.SocialTestKit.messages;
import static dev.conversa.channel.twitter.SocialTestKit.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.twitter.SocialTestKit;
import dev.conversa.channel.webhook.MessageChanges;
import dev.conversa.channel.webhook.SocialDeliveryQueue;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every Telegram update and message type of the Bot API (https://core.telegram.org/bots/api#update,
 * https://core.telegram.org/bots/api#message) is stored with a readable body or recorded; an edit replaces the text
 * and keeps the original; a deleted business message is marked deleted; an update of no known type is a dead letter.
 */
@ConversaIT
class TelegramMessageTypesIT {
    @LocalServerPort
    int port;
    @Autowired
    SocialDeliveryQueue queue;
    @Autowired
    MessageChanges changes;

    Api admin;
    long workspace;
    long inbox;

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        var ws = api.createWorkspace("Telegram types");
        admin = api.as(ws.adminToken());
        workspace = ws.id();
        String token = "123456:" + UUID.randomUUID().toString().replace("-", "");
        // No apiBaseUrl: nothing here calls the Bot API (replies are not sent in this test).
        inbox = SocialTestKit.createInbox(admin, "TELEGRAM", """
                {"botUsername":"acme_bot"}""", """
                {"botToken":"%s","webhookSecret":"s3cret-token_2"}""".formatted(token));
    }

    void deliver(String name) {
        var r = SocialTestKit.post(port, "/hooks/telegram/" + inbox, resource("types/telegram/" + name),
                Map.of("X-Telegram-Bot-Api-Secret-Token", "s3cret-token_2"));
        assertThat(r.status()).isEqualTo(200);
        queue.processAll();
    }

    List<JsonNode> all() {
        List<JsonNode> out = new ArrayList<>();
        conversations(admin, inbox).forEach(c -> out.addAll(messages(admin, c.get("id").asLong())));
        return out;
    }

    List<String> bodies() {
        return all().stream().map(m -> m.get("body").asString()).toList();
    }

    JsonNode byExternalId(String id) {
        return all().stream().filter(m -> id.equals(m.get("externalId").asString())).findFirst().orElseThrow();
    }

    @Test
    void everyMessageTypeReadsAsSomething() {
        for (String name : List.of("location", "venue", "contact", "sticker", "poll", "dice", "callback-query", "reaction",
                "business-message", "new-members", "left-member", "channel-post")) {
            deliver(name + ".json");
        }
        assertThat(bodies()).containsExactlyInAnyOrder(
                "📍 location: 40.416775, -3.70379",
                "📍 location: 40.41694, -3.70333 — Puerta del Sol, Plaza de la Puerta del Sol, Madrid",
                "contact card: Ana García, +34600000000",
                "sticker \uD83D\uDC4D",
                "poll: Which size? (M / L)",
                "dice \uD83C\uDFB2 4",
                "button: solved_yes",
                "reaction \uD83D\uDC4D to “📍 location: 40.416775, -3.70379”",
                "Are you open today?",
                "system: Luis joined the chat",
                "system: Luis left the chat",
                "Acme's new store opens Monday");
        assertThat(byExternalId("1111111:1404").get("attachments").get(0).get("url").asString()).isEqualTo("tg-file:CAACAgIAAxkBAAIBXmVk");
    }

    @Test
    void editsKeepTheOriginalDeletesMarkAndQuietUpdatesAreRecorded() {
        deliver("contact.json");
        deliver("edited.json");
        JsonNode contact = byExternalId("1111111:1403");
        assertThat(contact.get("body").asString()).isEqualTo("Call Ana on +34 600 000 001 instead");
        assertThat(contact.get("editedAt").isNull()).isFalse();
        JsonNode change = admin.get("/api/v1/conversations/" + contact.get("conversationId").asLong() + "/messages/"
                + contact.get("id").asLong() + "/changes").json().get(0);
        assertThat(change.get("previousBody").asString()).isEqualTo("contact card: Ana García, +34600000000");

        deliver("business-message.json");
        deliver("deleted-business-messages.json");
        assertThat(byExternalId("1111111:501").get("deletedAt").isNull()).isFalse();

        deliver("location.json");
        deliver("reaction-removed.json");
        deliver("my-chat-member.json");
        assertThat(changes.ofExternal(workspace, inbox, "1111111:1401")).extracting(c -> c.kind()).containsExactly("reaction-removed");
        assertThat(changes.ofExternal(workspace, inbox, "-")).extracting(c -> c.kind()).containsExactly("telegram-my_chat_member");
        assertThat(admin.get("/api/v1/dead-letters?inboxId=" + inbox).json().get("total").asLong()).isZero();

        deliver("unknown.json");
        JsonNode dead = admin.get("/api/v1/dead-letters?inboxId=" + inbox).json().get("items").get(0);
        assertThat(dead.get("reason").asString()).isEqualTo("unknown-shape");
        assertThat(dead.get("error").asString()).contains("future_update_kind");
    }
}
