/**
 * Automation rules: an event, conditions and actions (tag, set priority, assign to team, auto-reply, webhook,
 * close spam). Rules run in their defined order, can be tried against a past conversation before saving, and
 * never loop: changes a rule makes do not trigger rules again. Webhooks go through a persisted queue, signed and
 * retried, with a delivery log and dead letters that admins can replay ({@link dev.conversa.automation.WebhookLog}).
 */
package dev.conversa.automation;
