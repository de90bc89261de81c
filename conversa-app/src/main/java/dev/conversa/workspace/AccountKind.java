package dev.conversa.workspace;

/** Whether an account is a person who signs in, or the identity an API token acts as. */
public enum AccountKind {
    /** Signs in to the console, has an agent status, can be assigned conversations and join teams. */
    PERSON,
    /**
     * An API token's own principal, named {@code token:<name>}: the author of what the token sends and the actor
     * the audit log names. It has no email, no password and no agent status, and is never listed or assigned as a
     * person.
     */
    SERVICE
}
