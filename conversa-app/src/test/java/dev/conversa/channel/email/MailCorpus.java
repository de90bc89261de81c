package dev.conversa.channel.email;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real-mail corpus under {@code mail-corpus/} (see its ORIGIN.md) with the class each message should get. */
final class MailCorpus {
    /** A person's mail: it becomes a message in a conversation. */
    static final String CONVERSATION = "CONVERSATION";
    /** Cannot be ingested: it must end in the quarantine. */
    static final String QUARANTINE = "QUARANTINE";

    record Sample(String file, String expected, byte[] raw) {
        MailKind kind() {
            return expected.equals(CONVERSATION) || expected.equals(QUARANTINE) ? null : MailKind.valueOf(expected);
        }

        @Override
        public String toString() {
            return file + " (" + expected + ")";
        }
    }

    private MailCorpus() {
    }

    static Path dir() {
        try {
            return Path.of(MailCorpus.class.getResource("/mail-corpus/expected-classes.tsv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Sample> samples() {
        try {
            return Files.readAllLines(dir().resolve("expected-classes.tsv")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split("\t"))
                    .map(f -> new Sample(f[0], f[1].strip(), read(f[0])))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] read(String file) {
        try {
            return Files.readAllBytes(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
