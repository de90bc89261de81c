package dev.conversa.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
    static final Facts FACTS = new Facts("TWITTER", "OPEN", "NORMAL", List.of(), "es", "NEGATIVE", false,
            "¡Mi pedido no llega!", null, false, null);

    static AutomationRule rule(long id, int position, Trigger trigger, List<Condition> when, Action... actions) {
        return new AutomationRule(id, "r" + id, trigger, when, List.of(actions), position, true);
    }

    @Test
    void rulesRunInPositionOrderAndLaterRulesSeeEarlierChanges() {
        var tagAngry = rule(2, 10, Trigger.MESSAGE_RECEIVED, List.of(new Condition("sentiment", "EQUALS", "negative")),
                new Action("ADD_TAG", "angry"));
        var urgentIfAngry = rule(1, 20, Trigger.MESSAGE_RECEIVED, List.of(new Condition("tag", "EQUALS", "angry")),
                new Action("SET_PRIORITY", "URGENT"));
        var steps = RuleEngine.plan(List.of(urgentIfAngry, tagAngry), Trigger.MESSAGE_RECEIVED, FACTS);
        assertThat(steps).extracting(Step::description).containsExactly("add tag 'angry'", "set priority URGENT");
    }

    @Test
    void aRuleThatWouldTriggerItselfRunsOnceAndNoOpsAreDropped() {
        // on TAGS_CHANGED add a tag: the engine plans it once per event; when the tag is already there it plans nothing
        var selfTrigger = rule(1, 1, Trigger.TAGS_CHANGED, List.of(), new Action("ADD_TAG", "seen"), new Action("ADD_TAG", "seen"));
        assertThat(RuleEngine.plan(List.of(selfTrigger), Trigger.TAGS_CHANGED, FACTS)).hasSize(1);
        var tagged = new Facts("TWITTER", "OPEN", "NORMAL", List.of("seen"), "es", null, false, "", null, false, null);
        assertThat(RuleEngine.plan(List.of(selfTrigger), Trigger.TAGS_CHANGED, tagged)).isEmpty();
    }

    @Test
    void conditionsOnBodyAndOtherTriggersDoNotMatch() {
        var spam = rule(1, 1, Trigger.MESSAGE_RECEIVED, List.of(new Condition("body", "CONTAINS", "bitcoin")),
                new Action("CLOSE_SPAM", null));
        assertThat(RuleEngine.plan(List.of(spam), Trigger.MESSAGE_RECEIVED, FACTS)).isEmpty();
        assertThat(RuleEngine.plan(List.of(spam), Trigger.CONVERSATION_OPENED, FACTS)).isEmpty();
    }
}
