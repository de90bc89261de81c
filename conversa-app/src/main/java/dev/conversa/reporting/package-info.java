/**
 * Reporting: facts kept up to date from the domain events (through the event publication registry, so none is
 * lost) — one row per conversation, message and resolution — and the supervisor's conversation report built from
 * them: first response time, resolution time, reopen rate and volume, per channel or inbox — and the per-conversation export, streamed from a cursor (docs/analytics.md).
 */
package dev.conversa.reporting;
