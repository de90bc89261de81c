package dev.conversa.automation;

import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.sla.SlaService;
import dev.conversa.workspace.TeamService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Automation rules: manage, test against a past conversation, and run them when events arrive. */
@Service
public class AutomationService {
    private static final Logger log = LoggerFactory.getLogger(AutomationService.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final AutomationStore store;
    private final ConversationService conversations;
    private final MessageService messages;
    private final CustomerService customers;
    private final SlaService sla;
    private final TeamService teams;
    private final JsonMapper json;

    AutomationService(AutomationStore store, ConversationService conversations, MessageService messages,
                      CustomerService customers, SlaService sla, TeamService teams, JsonMapper json) {
        this.store = store;
        this.conversations = conversations;
        this.messages = messages;
        this.customers = customers;
        this.sla = sla;
        this.teams = teams;
        this.json = json;
    }

    @Transactional
    public AutomationRule create(String name, Trigger trigger, List<Condition> conditions, List<Action> actions,
                                 Integer position, Actor actor) {
        actor.require(Role.ADMIN);
        validate(name, trigger, conditions, actions);
        requireOwnTeams(actions, actor);
        long id = store.insert(actor.workspace(), name.strip(), trigger, conditions == null ? List.of() : conditions, actions,
                position == null ? 100 : position);
        return store.rule(actor.workspace(), id).orElseThrow();
    }

    public List<AutomationRule> list(Actor actor) {
        return store.rules(actor.workspace());
    }

    @Transactional
    public void delete(long id, Actor actor) {
        actor.require(Role.ADMIN);
        if (store.delete(actor.workspace(), id) == 0) {
            throw new NotFoundException("automation rule", id);
        }
    }

    /** Tries an unsaved rule on a past conversation: what it would do, nothing is changed. */
    public RuleTestResult test(String name, Trigger trigger, List<Condition> conditions, List<Action> actions,
                               long conversationId, Actor actor) {
        validate(name == null ? "test" : name, trigger, conditions, actions);
        requireOwnTeams(actions, actor);
        return test(new AutomationRule(0, name == null ? "test" : name, trigger, conditions == null ? List.of() : conditions,
                actions, 0, true), conversationId, actor);
    }

    /** Tries a saved rule on a past conversation. */
    public RuleTestResult test(long ruleId, long conversationId, Actor actor) {
        AutomationRule rule = store.rule(actor.workspace(), ruleId).orElseThrow(() -> new NotFoundException("automation rule", ruleId));
        return test(rule, conversationId, actor);
    }

    private RuleTestResult test(AutomationRule rule, long conversationId, Actor actor) {
        Conversation c = conversations.get(conversationId, actor);
        Facts facts = facts(c, lastInbound(c));
        List<Step> steps = RuleEngine.plan(List.of(rule), rule.trigger(), facts);
        return new RuleTestResult(conversationId, rule.trigger(), RuleEngine.matches(rule, facts), steps);
    }

    /** What rules did to a conversation, oldest first. */
    public List<Map<String, Object>> runs(long conversationId, Actor actor) {
        conversations.get(conversationId, actor);
        return store.runs(actor.workspace(), conversationId).stream()
                .map(r -> Map.<String, Object>of("ruleId", r.ruleId(), "trigger", r.trigger(), "actions", r.actions(),
                        "ranAt", r.ranAt()))
                .toList();
    }

    /** Runs the rules for an event. Changes made here are marked so the events they cause do not run rules again. */
    @Transactional
    void run(long ws, long conversationId, Trigger trigger, Message message) {
        if (!store.hasRules(ws, trigger)) {
            return;
        }
        Conversation c = conversations.find(ws, conversationId).orElse(null);
        if (c == null) {
            return;
        }
        List<Step> steps = RuleEngine.plan(store.rules(ws), trigger, facts(c, message == null ? lastInbound(c) : message));
        Actor system = Actor.system(ws);
        long lastRule = -1;
        List<String> done = new ArrayList<>();
        for (Step s : steps) {
            if (s.ruleId() != lastRule && lastRule != -1) {
                store.recordRun(ws, lastRule, conversationId, trigger, String.join("; ", done));
                done.clear();
            }
            lastRule = s.ruleId();
            execute(c, s.action(), system);
            done.add(s.description());
        }
        if (lastRule != -1) {
            store.recordRun(ws, lastRule, conversationId, trigger, String.join("; ", done));
        }
    }

    private void execute(Conversation c, Action a, Actor system) {
        Conversation now = conversations.find(c.workspaceId(), c.id()).orElseThrow();
        switch (a.type()) {
            case "ADD_TAG" -> {
                var tags = new LinkedHashSet<>(now.tags());
                tags.add(a.value());
                store.markEffect(c.id(), Trigger.TAGS_CHANGED);
                conversations.setTags(c.id(), List.copyOf(tags), system);
            }
            case "SET_PRIORITY" -> {
                store.markEffect(c.id(), Trigger.PRIORITY_CHANGED);
                conversations.changePriority(c.id(), dev.conversa.conversation.Priority.valueOf(
                        a.value().toUpperCase(Locale.ROOT)), system);
            }
            case "ASSIGN_TEAM" -> {
                store.markEffect(c.id(), Trigger.ASSIGNED);
                conversations.assign(c.id(), now.assigneeId(), Long.parseLong(a.value().strip()), "automation", system);
            }
            case "AUTO_REPLY" -> {
                String expected = sla.firstResponseTarget(c.workspaceId(), c.channel(), now.priority())
                        .map(AutomationService::human).orElse(spanish(c) ? "lo antes posible" : "as soon as we can");
                messages.reply(c.id(), a.value().replace("{expected_response}", expected), Visibility.PUBLIC, null, system);
            }
            case "WEBHOOK" -> post(a.value(), Map.of("workspaceId", c.workspaceId(), "conversationId", c.id(),
                    "channel", c.channel().name(), "status", now.status().name(), "priority", now.priority().name()));
            case "CLOSE_SPAM" -> {
                var tags = new LinkedHashSet<>(now.tags());
                tags.add("spam");
                store.markEffect(c.id(), Trigger.TAGS_CHANGED);
                conversations.setTags(c.id(), List.copyOf(tags), system);
                store.markEffect(c.id(), Trigger.STATUS_CHANGED);
                conversations.changeStatus(c.id(), dev.conversa.conversation.ConversationStatus.CLOSED, null, system);
            }
            default -> throw new IllegalStateException(a.type());
        }
    }

    private void post(String url, Map<String, Object> body) {
        String payload = json.writeValueAsString(body);
        Thread.ofVirtual().start(() -> {
            try {
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(payload)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (Exception e) {
                log.warn("automation webhook to {} failed: {}", url, e.toString());
            }
        });
    }

    private Facts facts(Conversation c, Message m) {
        boolean vip = customers.get(c.customerId(), Actor.system(c.workspaceId())).vip();
        return new Facts(c.channel().name(), c.status().name(), c.priority().name(), c.tags(), c.language(), c.sentiment(),
                vip, m == null ? "" : m.body(), c.subject(), c.assigneeId() != null, c.teamId());
    }

    private Message lastInbound(Conversation c) {
        return messages.lastInbound(c.workspaceId(), c.id()).orElse(null);
    }

    private static boolean spanish(Conversation c) {
        return "es".equalsIgnoreCase(c.language());
    }

    static String human(Duration d) {
        long m = d.toMinutes();
        return m < 60 ? m + " min" : m % 60 == 0 ? (m / 60) + " h" : (m / 60) + " h " + (m % 60) + " min";
    }

    /** An ASSIGN_TEAM action names a team of the rule's own workspace, like any id in a request body. */
    private void requireOwnTeams(List<Action> actions, Actor actor) {
        for (Action a : actions) {
            String id = a.type().equals("ASSIGN_TEAM") ? a.value().strip() : null;
            // (validate() let only digits through; more than 18 of them is no id of ours either)
            if (id != null && (id.length() > 18 || teams.find(actor.workspace(), Long.parseLong(id)).isEmpty())) {
                throw new InvalidInputException("actions", "ASSIGN_TEAM: no team " + id + " in this workspace");
            }
        }
    }

    private static void validate(String name, Trigger trigger, List<Condition> conditions, List<Action> actions) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "name is required");
        }
        if (trigger == null) {
            throw new InvalidInputException("trigger", "trigger is required");
        }
        if (actions == null || actions.isEmpty()) {
            throw new InvalidInputException("actions", "a rule needs at least one action");
        }
        for (Condition c : conditions == null ? List.<Condition>of() : conditions) {
            if (c.field() == null || !RuleEngine.FIELDS.contains(c.field())) {
                throw new InvalidInputException("conditions", "field must be one of " + RuleEngine.FIELDS);
            }
            if (c.op() == null || !RuleEngine.OPS.contains(c.op())) {
                throw new InvalidInputException("conditions", "op must be one of " + RuleEngine.OPS);
            }
        }
        for (Action a : actions) {
            if (a.type() == null || !RuleEngine.ACTIONS.contains(a.type())) {
                throw new InvalidInputException("actions", "type must be one of " + RuleEngine.ACTIONS);
            }
            boolean needsValue = !a.type().equals("CLOSE_SPAM");
            if (needsValue && (a.value() == null || a.value().isBlank())) {
                throw new InvalidInputException("actions", a.type() + " needs a value");
            }
            if (a.type().equals("ASSIGN_TEAM") && !a.value().strip().matches("\\d+")) {
                throw new InvalidInputException("actions", "ASSIGN_TEAM needs a team id");
            }
            if (a.type().equals("SET_PRIORITY") && !List.of("LOW", "NORMAL", "HIGH", "URGENT")
                    .contains(a.value().toUpperCase(Locale.ROOT))) {
                throw new InvalidInputException("actions", "SET_PRIORITY needs LOW, NORMAL, HIGH or URGENT");
            }
            if (a.type().equals("WEBHOOK") && !(a.value().startsWith("https://") || a.value().startsWith("http://"))) {
                throw new InvalidInputException("actions", "WEBHOOK needs an http(s) URL");
            }
        }
    }
}
