/**
 * Listening in the application: each workspace's standing queries (the conversa-listening query language) over the
 * public stream, and the posts they matched ("mentions"), each with its language and sentiment. One matcher holds
 * every workspace's queries; a post is matched once and stored once per matching query. Queries are grouped into
 * topics (brand, products, competitors) with figures and share of voice computed in SQL; alert rules judge each
 * topic's hours against a seasonal baseline and deliver by email, signed webhook and Atom feed. Named
 * {@code mention} because the {@code dev.conversa.listening} package belongs to the matcher library.
 */
package dev.conversa.mention;
