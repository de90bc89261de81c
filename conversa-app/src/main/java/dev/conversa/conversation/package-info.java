/**
 * Conversations and their messages, notes and tags: the case an agent works on, whatever the channel.
 */
package dev.conversa.conversation;
