package dev.conversa.kernel;

/** The actor is known but its role does not allow this. */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
