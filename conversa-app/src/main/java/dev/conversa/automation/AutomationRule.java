package dev.conversa.automation;

import java.util.List;

/** A rule: when {@code trigger} happens and every condition holds, do the actions. Lower position runs first. */
public record AutomationRule(long id, String name, Trigger trigger, List<Condition> conditions, List<Action> actions,
                             int position, boolean enabled) {
}
