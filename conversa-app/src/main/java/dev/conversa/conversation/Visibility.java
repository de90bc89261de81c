package dev.conversa.conversation;

/** Whether a message is public (a comment, a reply in a thread) or private (a DM, an email, a chat). */
public enum Visibility {
    PUBLIC, PRIVATE
}
