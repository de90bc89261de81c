/**
 * Service-level agreements: policies (first response, next response, resolution targets per channel and
 * priority), business-hours calendars with time zones and holidays, per-conversation timers that pause while
 * the conversation waits on the customer, warnings before a breach and escalations on it. The time arithmetic
 * ({@link dev.conversa.sla.BusinessCalendar}) is plain Java and takes its "now" from a {@link java.time.Clock}.
 */
package dev.conversa.sla;
