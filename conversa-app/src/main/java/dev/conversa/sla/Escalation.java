package dev.conversa.sla;

/** What happens when a target is breached. Every breach also publishes {@link SlaEvents.SlaBreached}. */
public enum Escalation {
    /** Only the event: the console shows supervisors the breach. */
    NOTIFY_SUPERVISOR,
    /** The conversation becomes urgent. */
    RAISE_PRIORITY,
    /** The assignee is removed so routing offers it to someone free (the team is kept). */
    REASSIGN
}
