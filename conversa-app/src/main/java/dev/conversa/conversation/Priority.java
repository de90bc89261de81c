package dev.conversa.conversation;

public enum Priority {
    LOW, NORMAL, HIGH, URGENT
}
