package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.ChannelEvents;
import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.MessageService;
import dev.conversa.support.ConversaIT;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The console's features over HTTP, as htmx calls them (session cookie, CSRF header): merge and undo, canned
 * responses, @mentions, bulk actions, language, and the wire-ups to SLA, delivery retry, reply window, comment
 * moderation, phone calls and sentiment correction.
 */
@ConversaIT
class ConsoleFeaturesIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MessageService messages;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate tx;

    ConsoleFixture fx;
    long inbox;
    ConsoleSession admin;

    @BeforeEach
    void workspace() {
        fx = new ConsoleFixture(port, "Features " + System.nanoTime());
        inbox = fx.inbox("Social", "API");
        admin = ConsoleSession.login(port, fx.adminEmail);
    }

    @Test
    void mergeMovesIdentitiesAndConversationsToTheChosenSurvivorIsAuditedAndUndoes() {
        long convA = fx.inbound(inbox, "m-a", "t-a", "ana_x", "Ana X", "first profile");
        long convB = fx.inbound(inbox, "m-b", "t-b", "ana_y", "Ana Y", "second profile");
        long x = fx.conversation(convA).get("customerId").asLong();
        long y = fx.conversation(convB).get("customerId").asLong();

        // merge from X's panel, keeping the OTHER profile (Y)
        var panel = admin.post("/customers/" + x + "/merge", "other", String.valueOf(y), "survivor", "other");
        assertThat(panel.status()).isEqualTo(200);
        assertThat(panel.body()).contains("data-customer=\"" + y + "\"");
        assertThat(fx.conversation(convA).get("customerId").asLong()).isEqualTo(y);
        assertThat(identities(y)).contains("ana_x", "ana_y");
        assertThat(customer(x).get("mergedIntoId").asLong()).isEqualTo(y);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit(y)).contains("merged customer " + x));

        long mergeId = Long.parseLong(ConsoleSession.token(panel.body(), "/customers/merges/(\\d+)/undo"));
        var undone = admin.post("/customers/merges/" + mergeId + "/undo");
        assertThat(undone.status()).isEqualTo(200);
        assertThat(fx.conversation(convA).get("customerId").asLong()).isEqualTo(x);
        assertThat(fx.conversation(convB).get("customerId").asLong()).isEqualTo(y);
        assertThat(identities(y)).contains("ana_y").doesNotContain("ana_x");
        assertThat(identities(x)).contains("ana_x");
        assertThat(customer(x).get("mergedIntoId").isNull()).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(audit(y)).contains("undid merge " + mergeId));
    }

    @Test
    void cannedResponsesAreCreatedFoundByShortcutAndFilledWithTheCustomersData() {
        long conv = fx.inbound(inbox, "c-1", "c-1", "marta", "Marta López", "hola");
        var created = admin.post("/conversations/" + conv + "/canned", "shortcut", "/saludo", "title", "Saludo",
                "body", "Hola {{customer.firstName}} ({{customer.name}}), soy {{agent.name}}. Caso #{{conversation.id}}");
        assertThat(created.status()).isEqualTo(200);
        var found = admin.get("/conversations/" + conv + "/canned?q=salu");
        assertThat(found.body()).contains("/saludo")
                .contains("data-text=\"Hola Marta (Marta López), soy " + adminName() + ". Caso #" + conv + "\"");
        assertThat(admin.get("/conversations/" + conv + "/canned?q=zzz").body()).doesNotContain("/saludo");
        // agents cannot create them
        fx.user("agent.canned@" + fx.workspace.slug() + ".test", "Carla Agent", "AGENT");
        var agent = ConsoleSession.login(port, "agent.canned@" + fx.workspace.slug() + ".test");
        assertThat(agent.post("/conversations/" + conv + "/canned", "shortcut", "x", "title", "x", "body", "x").status())
                .isEqualTo(403);
    }

    @Test
    void aMentionInANoteNotifiesTheAgentLiveAndListsTheConversationUnderMentions() throws Exception {
        String email = "bruno@" + fx.workspace.slug() + ".test";
        long bruno = fx.user(email, "Bruno Díaz", "AGENT");
        long conv = fx.inbound(inbox, "n-1", "n-1", "cli", "Cliente", "help");
        // assigned to someone else: Bruno sees it only because he is mentioned
        fx.admin.post("/api/v1/conversations/" + conv + "/assignment", "{\"assigneeId\":" + fx.workspace.adminId() + "}");
        var brunoConsole = ConsoleSession.login(port, email);
        assertThat(brunoConsole.get("/conversations/" + conv + "/detail").status()).isEqualTo(404);
        try (var live = brunoConsole.live()) {
            live.await("event:hello", 5);

        assertThat(admin.post("/conversations/" + conv + "/notes", "body", "@bruno can you check the invoice?").status()).isEqualTo(200);
            live.await("event:mention", 5);
        }
        String mentions = brunoConsole.get("/inbox/list?view=MENTIONS").body();
        assertThat(mentions).contains("id=\"row-" + conv + "\"");
        assertThat(ConsoleSession.token(mentions, "id=\"count-MENTIONS\"[^>]*>(\\d+)<")).isEqualTo("1");
        assertThat(brunoConsole.get("/conversations/" + conv + "/detail").status()).isEqualTo(200);
        assertThat(bruno).isPositive();
    }

    @Test
    void bulkActionsAssignTagAndResolveTheSelectedConversations() {
        long agent = fx.user("bulk@" + fx.workspace.slug() + ".test", "Bulk Agent", "AGENT");
        long c1 = fx.inbound(inbox, "b-1", "b-1", "u1", "One", "a");
        long c2 = fx.inbound(inbox, "b-2", "b-2", "u2", "Two", "b");
        long c3 = fx.inbound(inbox, "b-3", "b-3", "u3", "Three", "c");
        String[] ids = {"ids", String.valueOf(c1), "ids", String.valueOf(c2)};
        assertThat(admin.post("/inbox/bulk", concat(ids, "action", "assign", "assignee", String.valueOf(agent))).status()).isEqualTo(200);
        assertThat(admin.post("/inbox/bulk", concat(ids, "action", "tag", "tag", "Refund")).status()).isEqualTo(200);
        var resolved = admin.post("/inbox/bulk", concat(ids, "action", "resolve"));
        assertThat(resolved.status()).isEqualTo(200);
        for (long c : new long[] {c1, c2}) {
            JsonNode json = fx.conversation(c);
            assertThat(json.get("assigneeId").asLong()).isEqualTo(agent);
            assertThat(json.get("tags").toString()).contains("refund");
            assertThat(json.get("status").asString()).isEqualTo("RESOLVED");
        }
        JsonNode untouched = fx.conversation(c3);
        assertThat(untouched.get("status").asString()).isEqualTo("OPEN");
        assertThat(untouched.get("assigneeId").isNull()).isTrue();
        // the refreshed list no longer shows them (default filter: open and pending)
        assertThat(resolved.body()).doesNotContain("id=\"row-" + c1 + "\"").contains("id=\"row-" + c3 + "\"");
        assertThat(admin.post("/inbox/bulk", "action", "resolve").status()).isEqualTo(400);
    }

    @Test
    void theBrowsersLanguageIsTheDefaultAndEachUsersChoiceIsKeptOnTheirProfile() {
        String email = "lang@" + fx.workspace.slug() + ".test";
        fx.user(email, "Lucía", "AGENT");
        var spanish = ConsoleSession.login(port, email, "es-ES,es;q=0.9");
        assertThat(spanish.get("/inbox").body()).contains("lang=\"es\"").contains(">Sin asignar<").contains(">Menciones<");
        var english = ConsoleSession.login(port, "lang@" + fx.workspace.slug() + ".test", "en-GB,en;q=0.9");
        assertThat(english.get("/inbox").body()).contains("lang=\"en\"").contains(">Unassigned<");

        assertThat(english.post("/preferences/language", "lang", "es").status()).isEqualTo(302);
        assertThat(english.get("/inbox").body()).contains(">Sin asignar<");
        // a new session in an English browser: the stored choice wins
        assertThat(ConsoleSession.login(port, email, "en").get("/inbox").body()).contains("lang=\"es\"").contains(">Sin asignar<");
        assertThat(english.post("/preferences/language", "lang", "en").status()).isEqualTo(302);
        assertThat(ConsoleSession.login(port, email, "es").get("/inbox").body()).contains(">Unassigned<");
        assertThat(english.post("/preferences/language", "lang", "fr").status()).isEqualTo(400);
    }

    @Test
    void slaStateAndTimeLeftShowInRowsAndHeaderAndDriveTheFilterAndSort() {
        var policy = fx.admin.post("/api/v1/sla-policies", """
                {"name":"Fast","firstResponseMinutes":120,"warnBeforeMinutes":10,"escalation":"NOTIFY_SUPERVISOR"}""");
        assertThat(policy.status()).isIn(200, 201);
        long onTrack = fx.inbound(inbox, "s-1", "s-1", "s1", "On Track", "a");
        long late = fx.inbound(inbox, "s-2", "s-2", "s2", "Late", "b");
        long none = fx.inbound(inbox, "s-3", "s-3", "s3", "No Timer", "c");
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM sla_timer WHERE conversation_id IN (?, ?) AND kind = 'FIRST_RESPONSE'", Long.class, onTrack, late) == 2);
        jdbc.update("DELETE FROM sla_timer WHERE conversation_id = ?", none);
        jdbc.update("UPDATE sla_timer SET due_at = ? WHERE conversation_id = ? AND kind = 'FIRST_RESPONSE'",
                Timestamp.from(Instant.now().minusSeconds(600)), late);

        String all = admin.get("/inbox/list?view=ALL").body();
        assertThat(rowOf(all, onTrack)).contains("data-sla=\"ON_TRACK\"").containsPattern("On track · 1h \\d\\dm");
        assertThat(rowOf(all, late)).contains("data-sla=\"BREACHED\"").contains("-10m");
        assertThat(rowOf(all, none)).doesNotContain("data-sla");

        String breached = admin.get("/inbox/list?view=ALL&sla=BREACHED").body();
        assertThat(breached).contains("row-" + late).doesNotContain("row-" + onTrack).doesNotContain("row-" + none);
        String track = admin.get("/inbox/list?view=ALL&sla=ON_TRACK").body();
        assertThat(track).contains("row-" + onTrack).doesNotContain("row-" + late).doesNotContain("row-" + none);

        String sorted = admin.get("/inbox/list?view=ALL&sort=SLA_DUE").body();
        assertThat(sorted.indexOf("row-" + late)).isLessThan(sorted.indexOf("row-" + onTrack));
        assertThat(sorted.indexOf("row-" + onTrack)).isLessThan(sorted.indexOf("row-" + none));

        assertThat(admin.get("/conversations/" + late + "/detail").body()).contains("id=\"conversation-sla\"").contains("Breached");
        fx.admin.send("DELETE", "/api/v1/sla-policies/" + policy.json().get("id").asLong(), null, null);
    }

    @Test
    void aFailedOutboundMessageCanBeRetriedFromTheThread() {
        long conv = fx.inbound(inbox, "r-1", "r-1", "r1", "Retry", "hello");
        admin.post("/conversations/" + conv + "/reply", "body", "our answer");
        long mid = last(fx.messages(conv)).get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(last(fx.messages(conv)).get("deliveryStatus").asString()));
        assertThat(admin.get("/conversations/" + conv + "/thread").body()).doesNotContain("id=\"retry-" + mid + "\"");
        assertThat(admin.post("/conversations/" + conv + "/messages/" + mid + "/retry").status()).isEqualTo(409);

        tx.executeWithoutResult(s -> messages.updateDelivery(fx.workspace.id(), mid, DeliveryStatus.FAILED, "provider said no", null));
        assertThat(admin.get("/conversations/" + conv + "/thread").body()).contains("id=\"retry-" + mid + "\"");
        var retried = admin.post("/conversations/" + conv + "/messages/" + mid + "/retry");
        assertThat(retried.status()).isEqualTo(200);
        // queued for a fresh series of attempts by the outbound dispatcher
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbound_delivery WHERE message_id = ?", Long.class, mid)).isEqualTo(1);
    }

    @Test
    void outsideTheWhatsAppWindowTheReplyBoxOffersOnlyTemplates() {
        long wa = fx.inbox("WhatsApp", "WHATSAPP");
        var r = fx.admin.post("/api/v1/inboxes/" + wa + "/messages", """
                {"externalId":"wa-1","threadKey":"wa-old","from":{"kind":"PHONE","value":"+34600111222","name":"Old"},
                 "body":"hola","visibility":"PRIVATE","occurredAt":"%s"}""".formatted(Instant.now().minus(Duration.ofHours(30))));
        assertThat(r.status()).isIn(200, 201);
        long old = r.json().get("conversationId").asLong();
        String detail = admin.get("/conversations/" + old + "/detail").body();
        assertThat(detail).contains("id=\"reply-window\"").contains("closed").contains("id=\"template-form\"")
                .doesNotContain("id=\"reply-form\"");
        assertThat(admin.post("/conversations/" + old + "/reply", "body", "free text").status()).isEqualTo(400);
        assertThat(admin.post("/conversations/" + old + "/template", "name", "order_update", "language", "es",
                "parameters", "Ana\n1234").status()).isEqualTo(200);
        assertThat(last(fx.messages(old)).get("body").asString()).isEqualTo("/template order_update es | Ana | 1234");

        var fresh = fx.admin.post("/api/v1/inboxes/" + wa + "/messages", """
                {"externalId":"wa-2","threadKey":"wa-new","from":{"kind":"PHONE","value":"+34600333444","name":"New"},
                 "body":"hola","visibility":"PRIVATE"}""");
        String open = admin.get("/conversations/" + fresh.json().get("conversationId").asLong() + "/detail").body();
        assertThat(open).contains("id=\"reply-window\"").contains("reply-window open").contains("id=\"reply-form\"")
                .doesNotContain("id=\"template-form\"");
        // channels without a window show none
        long conv = fx.inbound(inbox, "w-1", "w-1", "w1", "Web", "x");
        assertThat(admin.get("/conversations/" + conv + "/detail").body()).doesNotContain("id=\"reply-window\"");
    }

    @Test
    void publicCommentsOfferModerationWithAReasonAndDeleteOnlyToSupervisors() {
        long conv = fx.inbound(inbox, "pc-1", "pc-1", "critic", "Critic", "this brand is terrible");
        long mid = last(fx.messages(conv)).get("id").asLong();
        String thread = admin.get("/conversations/" + conv + "/thread").body();
        assertThat(thread).contains("/messages/" + mid + "/moderation").contains("value=\"DELETE\"");
        assertThat(admin.post("/conversations/" + conv + "/messages/" + mid + "/moderation", "action", "HIDE", "reason", " ")
                .status()).isEqualTo(400);
        // the API channel has no network to hide it on: the module says so
        var refused = admin.post("/conversations/" + conv + "/messages/" + mid + "/moderation", "action", "HIDE", "reason", "spam");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("does not allow");

        String email = "mod@" + fx.workspace.slug() + ".test";
        fx.user(email, "Mod Agent", "AGENT");
        var agent = ConsoleSession.login(port, email);
        assertThat(agent.get("/conversations/" + conv + "/thread").body()).contains("value=\"HIDE\"").doesNotContain("value=\"DELETE\"");
        assertThat(agent.post("/conversations/" + conv + "/messages/" + mid + "/moderation", "action", "DELETE", "reason", "abuse")
                .status()).isEqualTo(403);
    }

    @Test
    void aRingingCallPopsTheCallersProfileInTheAgentsConsoleAndTheAgentWrapsUp() throws Exception {
        long conv = fx.inbound(inbox, "call-1", "call-1", "caller", "Carmen Caller", "call me");
        long customer = fx.conversation(conv).get("customerId").asLong();
        long voice = fx.inbox("Phone", "VOICE");
        long callId = tx.execute(s -> {
            jdbc.update("""
                    INSERT INTO voice_call (workspace_id, inbox_id, provider, call_ref, direction, from_number, customer_id,
                        conversation_id, status, agent_id, started_at, voicemail, updated_at)
                    VALUES (?, ?, 'TEST', ?, 'INBOUND', '+34911222333', ?, ?, 'RINGING', ?, ?, FALSE, ?)""",
                    fx.workspace.id(), voice, "ref-" + conv, customer, conv, fx.workspace.adminId(),
                    Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
            return jdbc.queryForObject("SELECT id FROM voice_call WHERE call_ref = ?", Long.class, "ref-" + conv);
        });
        try (var live = admin.live()) {
            live.await("event:hello", 5);
            events.publishEvent(new ChannelEvents.CallRinging(fx.workspace.id(), voice, callId, conv, customer, "+34911222333",
                    fx.workspace.adminId()));
            String seen = live.await("\"callId\":" + callId, 5);
            assertThat(seen).contains("event:call").contains("\"state\":\"RINGING\"");
        }

        String pop = admin.get("/conversations/" + conv + "/call/" + callId + "?state=ANSWERED").body();
        assertThat(pop).contains("Carmen Caller").contains("id=\"wrap-up-form\"");
        assertThat(admin.post("/calls/" + callId + "/wrap-up", "notes", "Wants a refund; call back Monday",
                "disposition", "CALLBACK").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT wrap_up FROM voice_call WHERE id = ?", String.class, callId))
                .isEqualTo("Wants a refund; call back Monday");
        assertThat(admin.get("/conversations/" + conv + "/thread").body()).contains("Call wrap-up: Wants a refund");
        assertThat(admin.post("/calls/" + callId + "/wrap-up", "disposition", "no way!").status()).isEqualTo(400);
    }

    @Test
    void eachCustomerMessageShowsItsSentimentAndTheAgentCanCorrectIt() {
        long conv = fx.inbound(inbox, "se-1", "se-1", "sad", "Sad Customer", "This is awful, I am very angry and disappointed");
        long mid = last(fx.messages(conv)).get("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> last(fx.messages(conv)).get("sentiment") != null
                && !last(fx.messages(conv)).get("sentiment").isNull());
        String thread = admin.get("/conversations/" + conv + "/thread").body();
        assertThat(thread).contains("id=\"sentiment-" + mid + "\"").containsPattern("badge sentiment (negative|neutral|positive)");

        var corrected = admin.post("/conversations/" + conv + "/messages/" + mid + "/sentiment", "label", "POSITIVE");
        assertThat(corrected.status()).isEqualTo(200);
        assertThat(corrected.body()).contains("badge sentiment positive");
        assertThat(last(fx.messages(conv)).get("sentiment").asString()).isEqualToIgnoringCase("positive");
        assertThat(jdbc.queryForObject("SELECT label FROM sentiment_correction WHERE message_id = ?", String.class, mid))
                .isEqualTo("POSITIVE");
    }

    private String adminName() {
        return fx.admin.get("/api/v1/users/" + fx.workspace.adminId()).json().get("name").asString();
    }

    private JsonNode customer(long id) {
        return fx.admin.get("/api/v1/customers/" + id).json();
    }

    private String identities(long customerId) {
        return customer(customerId).get("identities").toString();
    }

    private String audit(long customerId) {
        return fx.admin.get("/api/v1/audit?subjectType=customer&subjectId=" + customerId + "&size=50").body();
    }

    private static JsonNode last(JsonNode items) {
        JsonNode out = null;
        for (JsonNode n : items) {
            out = n;
        }
        return out;
    }

    private static String rowOf(String html, long id) {
        int start = html.indexOf("id=\"row-" + id + "\"");
        assertThat(start).as("row " + id).isNotNegative();
        int end = html.indexOf("</li>", start);
        return html.substring(start, end);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

}
