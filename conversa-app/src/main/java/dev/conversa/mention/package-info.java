/**
 * Listening in the application: each workspace's standing queries (the conversa-listening query language) over the
 * public stream, and the posts they matched ("mentions"), each with its language and sentiment. One matcher holds
 * every workspace's queries; a post is matched once and stored once per matching query. Named {@code mention}
 * because the {@code dev.conversa.listening} package belongs to the matcher library.
 */
package dev.conversa.mention;
