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
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Automation rules: manage, test against a past conversation, and run them when events arrive. */
@Service
public class AutomationService {
    private final AutomationStore store;
    private final ConversationService conversations;
    private final MessageService messages;
    private final CustomerService customers;
    private final SlaService sla;
    private final TeamService teams;
    private final JsonMapper json;
    private final WebhookDispatcher webhooks;

    AutomationService(AutomationStore store, ConversationService conversations, MessageService messages,
                      CustomerService customers, SlaService sla, TeamService teams, JsonMapper json,
                      WebhookDispatcher webhooks) {
        this.store = store;
        this.conversations = conversations;
        this.messages = messages;
        this.customers = customers;
        this.sla = sla;
        this.teams = teams;
        this.json = json;
        this.webhooks = webhooks;
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
            execute(c, s, trigger, system);
            done.add(s.description());
        }
        if (lastRule != -1) {
            store.recordRun(ws, lastRule, conversationId, trigger, String.join("; ", done));
        }
    }

    private void execute(Conversation c, Step step, Trigger trigger, Actor system) {
        Action a = step.action();
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
            case "WEBHOOK" -> queueWebhook(now, step, trigger);
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

    /**
     * Queued in this transaction, with the rule's other effects: if the rule's changes are committed, so is the
     * webhook, and a crash right after loses neither. The payload is fixed now, so every attempt sends the same body.
     */
    private void queueWebhook(Conversation now, Step step, Trigger trigger) {
        String deliveryId = UUID.randomUUID().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", deliveryId);
        body.put("event", trigger.name());
        body.put("occurredAt", Instant.now().toString());
        body.put("ruleId", step.ruleId());
        body.put("ruleName", step.ruleName());
        body.put("workspaceId", now.workspaceId());
        body.put("conversationId", now.id());
        body.put("channel", now.channel().name());
        body.put("status", now.status().name());
        body.put("priority", now.priority().name());
        webhooks.enqueue(new WebhookQueue.NewWebhook(now.workspaceId(), deliveryId, step.ruleId(), step.ruleName(), now.id(),
                trigger, step.action().value().strip(), json.writeValueAsString(body)));
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

    private static boolean webhookUrl(String url) {
        if (url.length() > 2000 || !(url.startsWith("https://") || url.startsWith("http://"))) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
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
            if (a.type().equals("WEBHOOK") && !webhookUrl(a.value().strip())) {
                throw new InvalidInputException("actions", "WEBHOOK needs an absolute http(s) URL of at most 2000 characters");
            }
        }
    }
}
