/**
 * Routing: who answers which conversation. The decision engine ({@link dev.conversa.routing.RoutingEngine}) is plain
 * Java with no Spring and no I/O, so it is unit-tested with a virtual clock and benchmarked with JMH; the
 * Spring side feeds it from the database when conversations arrive and agents free up, and records every
 * decision with its explanation.
 */
package dev.conversa.routing;
