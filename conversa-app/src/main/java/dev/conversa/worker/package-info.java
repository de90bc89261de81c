/**
 * One way to run background work: every poller, queue worker and stream of Conversa is a {@link Worker}, one
 * loop with the same start, stop, failure backoff, health and metrics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Background workers")
package dev.conversa.worker;
