/**
 * Channels: inboxes (configured channel accounts), ingestion of inbound messages and delivery of outbound ones.
 * Each provider lives in a sub-package of its own behind the channel plug-in interface.
 */
package dev.conversa.channel;
