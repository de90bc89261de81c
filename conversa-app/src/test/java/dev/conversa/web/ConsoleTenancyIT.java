package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.ConversaIT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue 15, the console side: another workspace's ids answer 404 on every console path, form fields naming
 * another workspace's people are refused, and the session cookie is SameSite=Lax. The paths come from Spring MVC's
 * own mapping, so a console endpoint added later is covered without touching this test.
 */
@ConversaIT
class ConsoleTenancyIT {
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    ConsoleFixture a;
    ConsoleFixture b;
    long conversationA;
    long conversationB;

    @BeforeEach
    void setUp() {
        a = new ConsoleFixture(port, "Console A");
        b = new ConsoleFixture(port, "Console B");
        conversationA = a.inbound(a.inbox("A API", "API"), "a-1", "t-a", "ana", "Ana", "hola");
        conversationB = b.inbound(b.inbox("B API", "API"), "b-1", "t-b", "bea", "Bea", "quiero mi reembolso");
    }

    @Test
    void theSessionCookieIsSameSiteLax() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        // SESSION: Spring Session's cookie (sessions are kept in the database)
        assertThat(cookies).as("the login page starts a session (for its CSRF token)")
                .anySatisfy(c -> assertThat(c).startsWith("SESSION="));
        assertThat(cookies).filteredOn(c -> c.startsWith("SESSION="))
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void presenceOfAnotherWorkspacesConversationIs404() {
        ConsoleSession session = ConsoleSession.login(port, a.adminEmail);
        assertThat(session.get("/conversations/" + conversationB + "/presence").status()).isEqualTo(404);
        assertThat(session.post("/conversations/" + conversationB + "/presence", "state", "VIEWING").status()).isEqualTo(404);
        assertThat(session.get("/conversations/" + conversationA + "/presence").status()).isEqualTo(200);
    }

    @Test
    void formsRefuseAnotherWorkspacesPeople() {
        ConsoleSession session = ConsoleSession.login(port, a.adminEmail);
        var assign = session.post("/conversations/" + conversationA + "/assign", "assignee", String.valueOf(b.workspace.adminId()));
        assertThat(assign.status()).isEqualTo(400);
        var bulk = session.post("/inbox/bulk", "ids", String.valueOf(conversationA), "action", "assign",
                "assignee", String.valueOf(b.workspace.adminId()));
        assertThat(bulk.status()).isEqualTo(400);
        assertThat(a.conversation(conversationA).get("assigneeId").isNull()).isTrue();
        long customerA = a.conversation(conversationA).get("customerId").asLong();
        long customerB = b.conversation(conversationB).get("customerId").asLong();
        assertThat(session.post("/customers/" + customerA + "/merge", "other", String.valueOf(customerB)).status())
                .isEqualTo(400);
        assertThat(b.admin.get("/api/v1/customers/" + customerB).json().get("mergedIntoId").isNull()).isTrue();
    }

    @Test
    void everyConsolePathWithAnIdAnswers404ForAnotherWorkspacesId() {
        Map<String, Long> idsOfB = idsOf(b, conversationB);
        ConsoleSession session = ConsoleSession.login(port, a.adminEmail);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mapping.getHandlerMethods().entrySet()) {
            for (String pattern : e.getKey().getPatternValues()) {
                if (!pattern.contains("{") || pattern.startsWith("/api/") || pattern.startsWith("/hooks/")
                        || pattern.startsWith("/widget/") || pattern.startsWith("/feeds/") || pattern.startsWith("/install") || pattern.startsWith("/v3/")
                        || pattern.startsWith("/swagger") || pattern.startsWith("/webjars")
                        // a one-time password link names a secret, not an object of a workspace (PasswordLinksIT)
                        || pattern.startsWith("/account/password/")) {
                    continue;
                }
                String url = pattern;
                Matcher m = PARAM.matcher(pattern);
                while (m.find()) {
                    String segment = segmentBefore(pattern, m.group(1));
                    assertThat(idsOfB).as("ConsoleTenancyIT has no workspace-B id for '" + segment + "' in " + pattern
                            + ": create one in idsOf()").containsKey(segment);
                    url = url.replace("{" + m.group(1) + "}", String.valueOf(idsOfB.get(segment)));
                }
                List<String> fields = requiredFields(e.getValue());
                var methods = e.getKey().getMethodsCondition().getMethods();
                for (var method : methods.isEmpty() ? List.of(org.springframework.web.bind.annotation.RequestMethod.GET) : methods) {
                    ConsoleSession.Page r = method.name().equals("GET")
                            ? session.get(url + query(fields)) : session.post(url, fields.toArray(String[]::new));
                    calls++;
                    if (r.status() != 404) {
                        failures.add(method + " " + url + " " + fields + " -> " + r.status() + " "
                                + r.body().substring(0, Math.min(200, r.body().length())));
                    }
                }
            }
        }
        assertThat(failures).as("console operations that did not answer 404 for workspace B's ids").isEmpty();
        assertThat(calls).as("console operations called").isGreaterThan(15);
    }

    private static String segmentBefore(String template, String name) {
        String before = template.substring(0, template.indexOf("{" + name + "}") - 1);
        return before.substring(before.lastIndexOf('/') + 1);
    }

    /** Required form fields of a handler, name, value, name, value..., with values the handler accepts. */
    private List<String> requiredFields(HandlerMethod handler) {
        List<String> out = new ArrayList<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam rp = p.getParameterAnnotation(RequestParam.class);
            if (rp == null || !rp.required() || !rp.defaultValue().equals(ValueConstants.DEFAULT_NONE)) {
                continue;
            }
            String name = rp.name().isEmpty() ? (rp.value().isEmpty() ? p.getParameterName() : rp.value()) : rp.name();
            Class<?> type = p.getParameterType();
            String value = type.isEnum() ? ((Enum<?>) type.getEnumConstants()[0]).name()
                    : type == long.class || type == Long.class || type == int.class || type == Integer.class
                    ? String.valueOf(conversationA) : type == boolean.class || type == Boolean.class ? "true"
                    : name.equals("state") ? "VIEWING" : "x";
            out.add(name);
            out.add(value);
        }
        return out;
    }

    private static String query(List<String> fields) {
        var q = new StringBuilder();
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            q.append(q.isEmpty() ? "?" : "&").append(fields.get(i)).append('=').append(fields.get(i + 1));
        }
        return q.toString();
    }

    /** One of everything a console path can name, in the given workspace. */
    private Map<String, Long> idsOf(ConsoleFixture fx, long conversation) {
        Map<String, Long> ids = new HashMap<>();
        ids.put("conversations", conversation);
        long customer = fx.conversation(conversation).get("customerId").asLong();
        ids.put("customers", customer);
        ids.put("messages", fx.admin.get("/api/v1/conversations/" + conversation + "/messages").json()
                .get("items").get(0).get("id").asLong());
        ids.put("inboxes", fx.inbox("Second", "API"));
        ids.put("queries", fx.admin.post("/api/v1/listening/queries", """
                {"name":"Refunds","query":"reembolso AND isolationprobe"}""").json().get("id").asLong());
        fx.admin.post("/api/v1/listening/posts", """
                {"source":"twitter","externalId":"p-%d","text":"quiero mi reembolso isolationprobe","author":"@bea"}""".formatted(fx.workspace.id()));
        ids.put("mentions", fx.admin.get("/api/v1/listening/mentions").json().get("items").get(0).get("id").asLong());
        ids.put("topics", fx.admin.post("/api/v1/listening/topics", """
                {"name":"Brand","kind":"BRAND","queryIds":[%d]}""".formatted(ids.get("queries"))).json().get("id").asLong());
        ids.put("alert-rules", fx.admin.post("/api/v1/listening/topics/" + ids.get("topics") + "/alert-rules", """
                {"kind":"SPIKE"}""").json().get("id").asLong());
        long other = fx.inbound(ids.get("inboxes"), "b-2", "t-b2", "bob", "Bob", "hi");
        ConsoleSession owner = ConsoleSession.login(port, fx.adminEmail);
        assertThat(owner.post("/customers/" + customer + "/merge", "other",
                String.valueOf(fx.conversation(other).get("customerId").asLong())).status()).isEqualTo(200);
        ids.put("merges", jdbc.sql("SELECT id FROM customer_merge WHERE workspace_id = ?").param(fx.workspace.id())
                .query(Long.class).single());
        long voice = fx.inbox("Phone", "VOICE");
        // A call arrives only from a telephony provider; its row is what the provider's callback would leave.
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("""
                INSERT INTO voice_call (workspace_id, inbox_id, provider, call_ref, direction, from_number, customer_id,
                    conversation_id, status, started_at, voicemail, updated_at)
                VALUES (?, ?, 'TEST', ?, 'INBOUND', '+34911222333', ?, ?, 'RINGING', ?, FALSE, ?)""")
                .params(fx.workspace.id(), voice, "ref-" + fx.workspace.id(), customer, conversation, now, now).update();
        long call = jdbc.sql("SELECT id FROM voice_call WHERE call_ref = ?").param("ref-" + fx.workspace.id())
                .query(Long.class).single();
        // Quarantined mail, a dead letter and an automation webhook exist only after a mailbox, a network or a
        // receiver misbehaved; their rows are what that would leave.
        jdbc.sql("""
                INSERT INTO email_quarantine (workspace_id, inbox_id, reason, size_bytes, raw_base64, status, attempts,
                    received_at) VALUES (?, ?, 'unreadable', 1, 'eA==', 'OPEN', 1, ?)""")
                .params(fx.workspace.id(), ids.get("inboxes"), now).update();
        ids.put("quarantine", jdbc.sql("SELECT MAX(id) FROM email_quarantine WHERE workspace_id = ?").param(fx.workspace.id())
                .query(Long.class).single());
        jdbc.sql("""
                INSERT INTO social_delivery (workspace_id, inbox_id, source, dedup_key, payload, status, attempts,
                    received_at, next_attempt_at, dead_reason, dead_at) VALUES (?, ?, 'meta', ?, '{}', 'DEAD', 8, ?, ?, 'failed', ?)""")
                .params(fx.workspace.id(), ids.get("inboxes"), "dead-" + fx.workspace.id(), now, now, now).update();
        ids.put("dead-letters", jdbc.sql("SELECT MAX(id) FROM social_delivery WHERE workspace_id = ?").param(fx.workspace.id())
                .query(Long.class).single());
        jdbc.sql("""
                INSERT INTO automation_webhook (workspace_id, delivery_id, rule_id, rule_name, conversation_id, event_type,
                    url, payload, status, attempts, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, 0, 'rule', ?, 'MESSAGE_RECEIVED', 'https://receiver.test/hook', '{}', 'DEAD', 4, ?, ?, ?)""")
                .params(fx.workspace.id(), java.util.UUID.randomUUID().toString(), conversation, now, now, now).update();
        ids.put("webhooks", jdbc.sql("SELECT MAX(id) FROM automation_webhook WHERE workspace_id = ?").param(fx.workspace.id())
                .query(Long.class).single());
        ids.put("call", call);
        ids.put("calls", call);
        ids.put("canned", fx.admin.post("/api/v1/canned-responses", """
                {"shortcut":"tenancy","title":"Tenancy","body":"Hola"}""").json().get("id").asLong());
        ids.put("teams", fx.admin.post("/api/v1/teams", """
                {"name":"Tenancy team"}""").json().get("id").asLong());
        ids.put("users", fx.user("tenancy-" + fx.workspace.id() + "@tenancy.test", "Tenancy Person", "AGENT"));
        ids.put("agents", ids.get("users"));
        ids.put("tokens", fx.admin.post("/api/v1/tokens", """
                {"name":"tenancy","role":"AGENT"}""").json().get("id").asLong());
        return ids;
    }
}
