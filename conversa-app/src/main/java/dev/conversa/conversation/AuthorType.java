package dev.conversa.conversation;

public enum AuthorType {
    CUSTOMER, AGENT, SYSTEM
}
