package dev.conversa.mention;

/** The document a feed's URL answered is not a readable RSS or Atom document. */
class FeedFormatException extends RuntimeException {
    FeedFormatException(String message) {
        super(message);
    }
}
