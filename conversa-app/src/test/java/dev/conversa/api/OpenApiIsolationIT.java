package dev.conversa.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 15: every path of the API with an id in it answers 404 for another workspace's id. The paths come from the
 * OpenAPI document, so an endpoint added later is covered without touching this test: each operation is called with
 * workspace A's admin token, a request body built from its schema, and workspace B's id of the resource the path
 * names; a path with several ids is also called with A's own parent and B's child.
 */
@ConversaIT
class OpenApiIsolationIT {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    /** One workspace's resources, by the path segment that names them. */
    private record Fixture(Api.TestWorkspace ws, Map<String, Long> ids) {
    }

    @Test
    void everyWorkspaceScopedPathAnswers404ForAnotherWorkspacesId() {
        Api api = new Api(port, null);
        Fixture a = fixture(api, "Docs A");
        Fixture b = fixture(api, "Docs B");
        Api asA = api.as(a.ws().adminToken());
        JsonNode doc = api.getAny("/v3/api-docs").json();
        assertThat(doc.toString()).as("the caller is the token, not a parameter").doesNotContain("\"name\":\"actor\"");

        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (var path : doc.get("paths").properties()) {
            String template = path.getKey();
            List<String> names = new ArrayList<>();
            Matcher m = PARAM.matcher(template);
            while (m.find()) {
                names.add(m.group(1));
            }
            if (names.isEmpty()) {
                continue;
            }
            List<String> segments = names.stream().map(n -> segmentBefore(template, n)).toList();
            for (String segment : segments) {
                assertThat(b.ids()).as("OpenApiIsolationIT has no workspace-B id for '" + segment + "' in " + template
                        + ": create one in fixture()").containsKey(segment);
            }
            for (var operation : path.getValue().properties()) {
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                String body = operation.getValue().has("requestBody") ? sample(doc, operation.getValue().get("requestBody")) : null;
                String query = requiredQuery(operation.getValue(), a);
                // All of B's ids; then, for nested paths, A's own parents with B's last id.
                List<Fixture> parents = names.size() > 1 ? List.of(b, a) : List.of(b);
                for (Fixture parent : parents) {
                    String url = template;
                    for (int i = 0; i < names.size(); i++) {
                        Fixture owner = i == names.size() - 1 ? b : parent;
                        url = url.replace("{" + names.get(i) + "}", String.valueOf(owner.ids().get(segments.get(i))));
                    }
                    url += query;
                    var r = asA.send(method, url, body, "application/json");
                    calls++;
                    if (r.status() != 404 || !r.contentType().startsWith("application/problem+json")) {
                        failures.add(method + " " + url + " " + (body == null ? "" : body + " ") + "-> " + r.status() + " "
                                + r.contentType() + " " + r.body());
                    }
                }
            }
        }
        assertThat(failures).as("operations that did not answer 404 problem+json for workspace B's ids").isEmpty();
        assertThat(calls).as("operations called").isGreaterThan(40);
    }

    /** The collection a path parameter is an id of: "/conversations/{id}/messages/{messageId}" -> messages. */
    private static String segmentBefore(String template, String name) {
        String before = template.substring(0, template.indexOf("{" + name + "}") - 1);
        return before.substring(before.lastIndexOf('/') + 1);
    }

    /** Required query parameters, filled with the caller's own ids so only the path's id is foreign. */
    private static String requiredQuery(JsonNode operation, Fixture own) {
        var out = new StringBuilder();
        for (JsonNode p : operation.path("parameters")) {
            if (p.get("in").asString().equals("query") && p.path("required").asBoolean(false)) {
                String name = p.get("name").asString();
                String value = name.equals("conversationId") ? String.valueOf(own.ids().get("conversations"))
                        : sampleValue(p.get("schema"));
                out.append(out.isEmpty() ? "?" : "&").append(name).append('=').append(value);
            }
        }
        return out.toString();
    }

    private static String sampleValue(JsonNode schema) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        return switch (schema.path("type").asString("string")) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "x";
        };
    }

    /** A body that satisfies the operation's schema, so what answers is the lookup of the id, not validation. */
    private static String sample(JsonNode doc, JsonNode requestBody) {
        JsonNode content = requestBody.path("content");
        JsonNode media = content.has("application/json") ? content.get("application/json") : content.iterator().next();
        return JSON.writeValueAsString(sampleOf(doc, media.get("schema"), 0));
    }

    private static JsonNode sampleOf(JsonNode doc, JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            return sampleOf(doc, doc.get("components").get("schemas").get(name), depth);
        }
        if (schema.has("enum")) {
            return JSON.getNodeFactory().stringNode(schema.get("enum").get(0).asString());
        }
        String type = schema.path("type").asString("object");
        return switch (type) {
            case "string" -> JSON.getNodeFactory().stringNode(switch (schema.path("format").asString("")) {
                case "date-time" -> "2030-01-01T09:00:00Z";
                case "date" -> "2030-01-01";
                case "email" -> "someone@example.com";
                case "uri" -> "https://example.com/x";
                default -> matching(schema.path("pattern").asString(null));
            });
            case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
            case "boolean" -> JSON.getNodeFactory().booleanNode(true);
            case "array" -> {
                ArrayNode array = JSON.createArrayNode();
                if (depth < 4 && schema.has("items")) {
                    array.add(sampleOf(doc, schema.get("items"), depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.createObjectNode();
                if (depth < 4) {
                    for (var property : schema.path("properties").properties()) {
                        object.set(property.getKey(), sampleOf(doc, property.getValue(), depth + 1));
                    }
                }
                yield object;
            }
        };
    }

    /** A short text that satisfies a documented pattern (such as a disposition's {@code [A-Z_]{2,32}}). */
    private static String matching(String pattern) {
        if (pattern == null) {
            return "x";
        }
        for (String candidate : new String[] {"x", "AB", "ab", "12", "x@example.com", "https://example.com/x"}) {
            if (Pattern.compile(pattern).matcher(candidate).find()) {
                return candidate;
            }
        }
        throw new AssertionError("no sample text matches the documented pattern " + pattern + ": add one");
    }

    /** A workspace with one of everything a path can name, made through the API as an integration would. */
    private Fixture fixture(Api api, String name) {
        Api.TestWorkspace ws = api.createWorkspace(name);
        Api admin = api.as(ws.adminToken());
        Map<String, Long> ids = new HashMap<>();
        ids.put("workspaces", ws.id());
        ids.put("users", ws.adminId());
        ids.put("agents", ws.adminId());
        ids.put("teams", id(admin.post("/api/v1/teams", "{\"name\":\"Team\",\"memberIds\":[" + ws.adminId() + "]}")));
        ids.put("tokens", id(admin.post("/api/v1/tokens", "{\"name\":\"bot\",\"role\":\"AGENT\"}")));
        long inbox = id(admin.post("/api/v1/inboxes", "{\"name\":\"API\",\"channel\":\"API\"}"));
        ids.put("inboxes", inbox);
        JsonNode ingested = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"m-1","from":{"kind":"EMAIL","value":"c@example.com","name":"C"},"body":"quiero mi reembolso"}""")
                .json();
        long conversation = ingested.get("conversationId").asLong();
        long customer = ingested.get("customerId").asLong();
        ids.put("conversations", conversation);
        ids.put("customers", customer);
        ids.put("messages", admin.get("/api/v1/conversations/" + conversation + "/messages").json()
                .get("items").get(0).get("id").asLong());
        ids.put("identities", admin.get("/api/v1/customers/" + customer).json().get("identities").get(0).get("id").asLong());
        ids.put("skill-rules", id(admin.post("/api/v1/routing/skill-rules", """
                {"channel":"API","skill":"refunds","minLevel":1}""")));
        ids.put("sla-policies", id(admin.post("/api/v1/sla-policies", """
                {"name":"Fast","firstResponseMinutes":30}""")));
        ids.put("automation-rules", id(admin.post("/api/v1/automation-rules", """
                {"name":"Tag","trigger":"MESSAGE_RECEIVED","actions":[{"type":"ADD_TAG","value":"seen"}]}""")));
        ids.put("queries", id(admin.post("/api/v1/listening/queries", """
                {"name":"Refunds","query":"reembolso AND isolationprobe"}""")));
        admin.post("/api/v1/listening/posts", """
                {"source":"twitter","externalId":"p-%d","text":"quiero mi reembolso isolationprobe","author":"@ana"}""".formatted(ws.id()));
        ids.put("mentions", admin.get("/api/v1/listening/mentions").json().get("items").get(0).get("id").asLong());
        ids.put("topics", id(admin.post("/api/v1/listening/topics", """
                {"name":"Brand","kind":"BRAND","queryIds":[%d]}""".formatted(ids.get("queries")))));
        ids.put("alert-rules", id(admin.post("/api/v1/listening/topics/" + ids.get("topics") + "/alert-rules", """
                {"kind":"SPIKE"}""")));
        // an alert exists only after an hour spiked; its row is what the evaluator would leave
        jdbc.sql("""
                INSERT INTO listening_alert (workspace_id, rule_id, topic_id, topic_name, kind, window_start, window_end,
                    observed, expected, band_low, band_high, z_score, baseline, explanation, fired_at)
                VALUES (?, ?, ?, 'Brand', 'SPIKE', ?, ?, 12, 2.5, 0, 7.7, 6.4, '3,2,3,2',
                    '{"topTerms":[],"topAuthors":[],"samples":[]}', ?)""")
                .params(ws.id(), ids.get("alert-rules"), ids.get("topics"), Timestamp.from(Instant.now()),
                        Timestamp.from(Instant.now()), Timestamp.from(Instant.now())).update();
        ids.put("alerts", jdbc.sql("SELECT MAX(id) FROM listening_alert WHERE workspace_id = ?").param(ws.id())
                .query(Long.class).single());
        // a closed local port: the feed's polls fail at once, nothing leaves the machine
        ids.put("feeds", id(admin.post("/api/v1/listening/feeds", """
                {"url":"http://127.0.0.1:9/isolation-%d.xml","intervalSeconds":86400}""".formatted(ws.id()))));
        ids.put("canned-responses", id(admin.post("/api/v1/canned-responses", """
                {"shortcut":"iso","title":"Isolation","body":"Hola"}""")));
        long voice = id(admin.post("/api/v1/inboxes", "{\"name\":\"Phone\",\"channel\":\"VOICE\"}"));
        // A call arrives only from a telephony provider; its row is what the provider's callback would leave.
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO voice_call (workspace_id, inbox_id, provider, call_ref, direction, from_number, customer_id,
                    conversation_id, status, started_at, voicemail, updated_at)
                VALUES (?, ?, 'TEST', ?, 'INBOUND', '+34911222333', ?, ?, 'RINGING', ?, FALSE, ?)""")
                .params(ws.id(), voice, "ref-" + ws.id(), customer, conversation, now, now).update();
        ids.put("calls", jdbc.sql("SELECT id FROM voice_call WHERE call_ref = ?").param("ref-" + ws.id()).query(Long.class).single());
        // Quarantined mail, a dead letter and an automation webhook exist only after a mailbox, a network or a
        // receiver misbehaved; their rows are what that would leave.
        jdbc.sql("""
                INSERT INTO email_quarantine (workspace_id, inbox_id, reason, size_bytes, raw_base64, status, attempts,
                    received_at) VALUES (?, ?, 'unreadable', 1, 'eA==', 'OPEN', 1, ?)""")
                .params(ws.id(), inbox, now).update();
        ids.put("quarantine", jdbc.sql("SELECT MAX(id) FROM email_quarantine WHERE workspace_id = ?").param(ws.id())
                .query(Long.class).single());
        jdbc.sql("""
                INSERT INTO social_delivery (workspace_id, inbox_id, source, dedup_key, payload, status, attempts,
                    received_at, next_attempt_at, dead_reason, dead_at) VALUES (?, ?, 'meta', ?, '{}', 'DEAD', 8, ?, ?, 'failed', ?)""")
                .params(ws.id(), inbox, "dead-" + ws.id(), now, now, now).update();
        ids.put("dead-letters", jdbc.sql("SELECT MAX(id) FROM social_delivery WHERE workspace_id = ?").param(ws.id())
                .query(Long.class).single());
        jdbc.sql("""
                INSERT INTO automation_webhook (workspace_id, delivery_id, rule_id, rule_name, conversation_id, event_type,
                    url, payload, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, 0, 'rule', ?, 'MESSAGE_RECEIVED', 'https://receiver.test/hook', '{}', 'DEAD', 4, ?, ?, ?)""")
                .params(ws.id(), java.util.UUID.randomUUID().toString(), conversation, now, now, now).update();
        ids.put("webhooks", jdbc.sql("SELECT MAX(id) FROM automation_webhook WHERE workspace_id = ?").param(ws.id())
                .query(Long.class).single());
        return new Fixture(ws, ids);
    }

    private static long id(Api.Response r) {
        if (r.status() != 201 && r.status() != 200) {
            throw new AssertionError("fixture not created: " + r);
        }
        return r.json().get("id").asLong();
    }
}
