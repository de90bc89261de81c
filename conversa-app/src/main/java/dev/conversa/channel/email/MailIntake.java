package dev.conversa.channel.email;

import dev.conversa.channel.Inbox;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One message, on its own: read strictly, else leniently, then ingested; whatever still fails is quarantined with
 * the reason, so the caller can always move its cursor on. Only a failure to quarantine (the database is gone)
 * reaches the caller, which then keeps its cursor and tries again later.
 */
@Component
class MailIntake {
    private static final Logger log = LoggerFactory.getLogger(MailIntake.class);
    private static final Session STRICT = Session.getInstance(new Properties());
    private static final Session LENIENT = Session.getInstance(lenient());

    enum Result { STORED, DUPLICATE, OWN, AUTOMATIC, QUARANTINED }

    /** Why a message could not be taken in. */
    static final class Unreadable extends Exception {
        Unreadable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private final EmailIngest ingest;
    private final MailQuarantine quarantine;

    MailIntake(EmailIngest ingest, MailQuarantine quarantine) {
        this.ingest = ingest;
        this.quarantine = quarantine;
    }

    Result take(Inbox inbox, Long imapUid, byte[] raw) {
        try {
            return ingest(inbox, raw);
        } catch (Unreadable e) {
            log.warn("Email {} of inbox {} quarantined: {}", imapUid, inbox.id(), e.getMessage());
            quarantine.store(inbox.workspaceId(), inbox.id(), imapUid, raw, e.getMessage());
            return Result.QUARANTINED;
        }
    }

    /** Reads and ingests; throws {@link Unreadable} with the reason when it cannot. Used by retries too. */
    Result ingest(Inbox inbox, byte[] raw) throws Unreadable {
        ParsedEmail mail = read(raw);
        try {
            return switch (ingest.accept(inbox, mail)) {
                case STORED -> Result.STORED;
                case DUPLICATE -> Result.DUPLICATE;
                case OWN -> Result.OWN;
                case AUTOMATIC -> Result.AUTOMATIC;
            };
        } catch (EmailIngest.NotIngestible e) {
            throw new Unreadable(e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new Unreadable("ingestion failed: " + describe(e), e);
        }
    }

    /** The strict reading, else the lenient one; both failures are named in the reason. */
    static ParsedEmail read(byte[] raw) throws Unreadable {
        Exception strict;
        try {
            return EmailParser.parse(new MimeMessage(STRICT, new ByteArrayInputStream(raw)));
        } catch (MessagingException | IOException | RuntimeException e) {
            strict = e;
        }
        try {
            return EmailParser.parseLeniently(new MimeMessage(LENIENT, new ByteArrayInputStream(raw)));
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new Unreadable("unreadable: " + describe(strict) + "; lenient reading: " + describe(e), e);
        }
    }

    private static String describe(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** The session-level leniency Jakarta Mail offers (most of its strictness is JVM-wide; see LenientParts). */
    private static Properties lenient() {
        Properties p = new Properties();
        p.put("mail.mime.address.strict", "false");
        return p;
    }
}
