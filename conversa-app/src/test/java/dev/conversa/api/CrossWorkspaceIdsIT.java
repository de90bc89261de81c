package dev.conversa.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15: every id in a request body is checked to belong to the caller's workspace. Another workspace's id is
 * refused exactly like an id that does not exist: 400, problem+json naming the field, and nothing changed.
 */
@ConversaIT
class CrossWorkspaceIdsIT {
    @LocalServerPort
    int port;
    Api api;
    Api asA;
    Api asB;
    Api.TestWorkspace b;
    long teamA;
    long teamB;
    long inboxA;
    long conversationA;
    long inboxB;
    long customerB;
    long calendarB;

    @BeforeEach
    void setUp() {
        api = new Api(port, null);
        Api.TestWorkspace a = api.createWorkspace("Body A");
        b = api.createWorkspace("Body B");
        asA = api.as(a.adminToken());
        asB = api.as(b.adminToken());
        teamA = asA.post("/api/v1/teams", "{\"name\":\"A team\"}").json().get("id").asLong();
        teamB = asB.post("/api/v1/teams", "{\"name\":\"B team\"}").json().get("id").asLong();
        inboxA = asA.post("/api/v1/inboxes", "{\"name\":\"A API\",\"channel\":\"API\"}").json().get("id").asLong();
        conversationA = asA.post("/api/v1/inboxes/" + inboxA + "/messages", """
                {"externalId":"a-1","from":{"kind":"EMAIL","value":"a@example.com"},"body":"hola"}""")
                .json().get("conversationId").asLong();
        inboxB = asB.post("/api/v1/inboxes", "{\"name\":\"B API\",\"channel\":\"API\"}").json().get("id").asLong();
        customerB = asB.post("/api/v1/inboxes/" + inboxB + "/messages", """
                {"externalId":"b-1","from":{"kind":"EMAIL","value":"b@example.com"},"body":"hi"}""")
                .json().get("customerId").asLong();
        calendarB = asB.post("/api/v1/sla-calendars", """
                {"name":"B hours","timeZone":"Europe/Madrid","hours":"MONDAY=09:00-18:00"}""").json().get("id").asLong();
    }

    private static void refused(Api.Response r, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode errors = r.json().get("errors");
        assertThat(errors).as(r.body()).isNotNull();
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
    }

    @Test
    void routingSettingsTakeOnlyTheWorkspacesOwnTeams() {
        for (String field : new String[] {"callTeamId", "chatTeamId", "socialTeamId", "emailTeamId", "overflowTeamId"}) {
            refused(asA.put("/api/v1/routing/settings", """
                    {"model":"SPECIALISED","strategy":"LEAST_LOADED","%s":%d,"vipFollowers":1000}""".formatted(field, teamB)),
                    field);
        }
        assertThat(asA.get("/api/v1/routing/settings").status()).as("nothing was saved").isEqualTo(404);
        var own = asA.put("/api/v1/routing/settings", """
                {"model":"SPECIALISED","strategy":"LEAST_LOADED","chatTeamId":%d,"vipFollowers":1000}""".formatted(teamA));
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("chatTeamId").asLong()).isEqualTo(teamA);
    }

    @Test
    void assignmentTakesOnlyTheWorkspacesOwnPeopleAndTeams() {
        refused(asA.post("/api/v1/conversations/" + conversationA + "/assignment",
                "{\"assigneeId\":" + b.adminId() + "}"), "assigneeId");
        refused(asA.post("/api/v1/conversations/" + conversationA + "/assignment", "{\"teamId\":" + teamB + "}"), "teamId");
        JsonNode c = asA.get("/api/v1/conversations/" + conversationA).json();
        assertThat(c.get("assigneeId").isNull()).isTrue();
        assertThat(c.get("teamId").isNull()).isTrue();
        assertThat(asA.post("/api/v1/conversations/" + conversationA + "/assignment", "{\"teamId\":" + teamA + "}")
                .status()).isEqualTo(200);
    }

    @Test
    void aConversationOpensOnlyOnTheWorkspacesOwnInboxCustomerAndTeam() {
        long customerA = asA.get("/api/v1/conversations/" + conversationA).json().get("customerId").asLong();
        refused(asA.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d}""".formatted(inboxB, customerA)), "inboxId");
        refused(asA.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d}""".formatted(inboxA, customerB)), "customerId");
        refused(asA.post("/api/v1/conversations", """
                {"inboxId":%d,"customerId":%d,"teamId":%d}""".formatted(inboxA, customerA, teamB)), "teamId");
        assertThat(asA.get("/api/v1/conversations").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void teamsTakeOnlyTheWorkspacesOwnPeople() {
        refused(asA.post("/api/v1/teams", "{\"name\":\"Mixed\",\"memberIds\":[" + b.adminId() + "]}"), "memberIds");
        refused(asA.patch("/api/v1/teams/" + teamA, "{\"memberIds\":[" + b.adminId() + "]}"), "memberIds");
        assertThat(asA.get("/api/v1/teams/" + teamA).json().get("memberIds")).isEmpty();
    }

    @Test
    void slaPoliciesAndAutomationRulesTakeOnlyTheWorkspacesOwnCalendarsAndTeams() {
        refused(asA.post("/api/v1/sla-policies", """
                {"name":"Borrowed hours","firstResponseMinutes":30,"calendarId":%d}""".formatted(calendarB)), "calendarId");
        String rule = """
                {"name":"To B","trigger":"CONVERSATION_OPENED","actions":[{"type":"ASSIGN_TEAM","value":"%d"}]}""";
        refused(asA.post("/api/v1/automation-rules", rule.formatted(teamB)), "actions");
        refused(asA.post("/api/v1/automation-rules/test?conversationId=" + conversationA, rule.formatted(teamB)), "actions");
        assertThat(asA.get("/api/v1/automation-rules").json()).isEmpty();
        assertThat(asA.post("/api/v1/automation-rules", rule.formatted(teamA)).status()).isEqualTo(201);
    }

    @Test
    void aMentionBecomesACaseOnlyOnTheWorkspacesOwnInbox() {
        assertThat(asA.post("/api/v1/listening/queries", """
                {"name":"Refunds","query":"reembolso AND isolationprobe"}""").status()).isEqualTo(201);
        assertThat(asA.post("/api/v1/listening/posts", """
                {"source":"twitter","externalId":"p-1","text":"quiero mi reembolso isolationprobe","author":"@ana"}""").status())
                .isEqualTo(200);
        long mention = asA.get("/api/v1/listening/mentions").json().get("items").get(0).get("id").asLong();
        refused(asA.post("/api/v1/listening/mentions/" + mention + "/conversation", "{\"inboxId\":" + inboxB + "}"),
                "inboxId");
        assertThat(asB.get("/api/v1/conversations").json().get("total").asLong()).isEqualTo(1);
    }
}
