package dev.conversa.kernel;

/** The thing does not exist in the caller's workspace (which, to the caller, is the same as not existing). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
