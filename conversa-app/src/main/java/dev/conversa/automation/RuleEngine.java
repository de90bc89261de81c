package dev.conversa.automation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plans what the rules for one event do to one conversation. Pure: the same rules and facts give the same plan,
 * which is how a rule is tested against a past conversation. Rules run by position then id, each at most once
 * per event; later rules see the changes of earlier ones; actions that would change nothing are dropped.
 */
final class RuleEngine {
    static final Set<String> FIELDS = Set.of("channel", "status", "priority", "tag", "language", "sentiment", "vip", "body",
            "subject", "assigned");
    static final Set<String> OPS = Set.of("EQUALS", "NOT_EQUALS", "CONTAINS", "NOT_CONTAINS");
    static final Set<String> ACTIONS = Set.of("ADD_TAG", "SET_PRIORITY", "ASSIGN_TEAM", "AUTO_REPLY", "WEBHOOK", "CLOSE_SPAM");

    private RuleEngine() {
    }

    static List<Step> plan(List<AutomationRule> rules, Trigger trigger, Facts facts) {
        List<Step> steps = new ArrayList<>();
        Facts current = facts;
        List<AutomationRule> ordered = rules.stream().filter(AutomationRule::enabled).filter(r -> r.trigger() == trigger)
                .sorted(Comparator.comparingInt(AutomationRule::position).thenComparingLong(AutomationRule::id)).toList();
        for (AutomationRule rule : ordered) {
            if (!matches(rule, current)) {
                continue;
            }
            for (Action a : rule.actions()) {
                Facts next = apply(a, current);
                if (next == null) {
                    continue;
                }
                steps.add(new Step(rule.id(), rule.name(), a, describe(a)));
                current = next;
            }
        }
        return steps;
    }

    static boolean matches(AutomationRule rule, Facts facts) {
        return rule.conditions().stream().allMatch(c -> test(c, facts));
    }

    static boolean test(Condition c, Facts facts) {
        String actual = facts.get(c.field());
        String v = c.value() == null ? "" : c.value().toLowerCase(Locale.ROOT);
        String a = actual == null ? "" : actual.toLowerCase(Locale.ROOT);
        boolean tag = c.field().equals("tag");
        return switch (c.op()) {
            case "EQUALS" -> tag ? List.of(a.split("\n")).contains(v) : a.equals(v);
            case "NOT_EQUALS" -> tag ? !List.of(a.split("\n")).contains(v) : !a.equals(v);
            case "CONTAINS" -> a.contains(v);
            case "NOT_CONTAINS" -> !a.contains(v);
            default -> throw new IllegalArgumentException("unknown operator " + c.op());
        };
    }

    /** The facts after the action, or {@code null} when it would change nothing. */
    private static Facts apply(Action a, Facts f) {
        return switch (a.type()) {
            case "ADD_TAG" -> {
                String tag = a.value().strip().toLowerCase(Locale.ROOT);
                if (f.tags().contains(tag)) {
                    yield null;
                }
                var tags = new LinkedHashSet<>(f.tags());
                tags.add(tag);
                yield new Facts(f.channel(), f.status(), f.priority(), List.copyOf(tags), f.language(), f.sentiment(), f.vip(),
                        f.body(), f.subject(), f.assigned(), f.teamId());
            }
            case "SET_PRIORITY" -> a.value().equalsIgnoreCase(f.priority()) ? null
                    : new Facts(f.channel(), f.status(), a.value().toUpperCase(Locale.ROOT), f.tags(), f.language(),
                    f.sentiment(), f.vip(), f.body(), f.subject(), f.assigned(), f.teamId());
            case "ASSIGN_TEAM" -> String.valueOf(f.teamId()).equals(a.value().strip()) ? null
                    : new Facts(f.channel(), f.status(), f.priority(), f.tags(), f.language(), f.sentiment(), f.vip(),
                    f.body(), f.subject(), f.assigned(), Long.parseLong(a.value().strip()));
            case "CLOSE_SPAM" -> "CLOSED".equals(f.status()) ? null
                    : new Facts(f.channel(), "CLOSED", f.priority(), addTag(f.tags(), "spam"), f.language(), f.sentiment(),
                    f.vip(), f.body(), f.subject(), f.assigned(), f.teamId());
            case "AUTO_REPLY", "WEBHOOK" -> f;
            default -> throw new IllegalArgumentException("unknown action " + a.type());
        };
    }

    private static List<String> addTag(List<String> tags, String tag) {
        var out = new LinkedHashSet<>(tags);
        out.add(tag);
        return List.copyOf(out);
    }

    static String describe(Action a) {
        return switch (a.type()) {
            case "ADD_TAG" -> "add tag '" + a.value() + "'";
            case "SET_PRIORITY" -> "set priority " + a.value();
            case "ASSIGN_TEAM" -> "assign to team " + a.value();
            case "AUTO_REPLY" -> "reply on the conversation's channel: \"" + a.value() + "\"";
            case "WEBHOOK" -> "POST the event to " + a.value();
            case "CLOSE_SPAM" -> "tag 'spam' and close";
            default -> a.type();
        };
    }
}
