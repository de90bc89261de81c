package dev.conversa.kernel;

/** A value the domain refuses, naming the field so the caller can fix it. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
