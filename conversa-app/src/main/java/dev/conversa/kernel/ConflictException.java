package dev.conversa.kernel;

/** The request clashes with data that already exists (a duplicate email, slug, identity...). */
public class ConflictException extends RuntimeException {
    private final String field;

    public ConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
