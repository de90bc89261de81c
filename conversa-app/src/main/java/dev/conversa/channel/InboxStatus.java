package dev.conversa.channel;

/** ACTIVE inboxes ingest and deliver; ERROR ones need an admin (expired token, wrong password...). */
public enum InboxStatus {
    ACTIVE, ERROR, DISABLED
}
