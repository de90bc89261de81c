package dev.conversa.channel.email;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What admins do with an email inbox's quarantine and automatic mail, for the REST API and the console alike:
 * always within the actor's workspace (another workspace's inbox or entry is not found).
 */
@Service
class MailboxReview {
    static final int LIMIT = 200;

    /** The outcome of a retry: the entry's status after it, what ingestion did, or why it still fails. */
    record Retried(long id, MailQuarantine.Status status, MailIntake.Result result, String reason, int attempts) {
    }

    private final InboxService inboxes;
    private final MailQuarantine quarantine;
    private final AutomaticMailLog automatic;
    private final MailIntake intake;

    MailboxReview(InboxService inboxes, MailQuarantine quarantine, AutomaticMailLog automatic, MailIntake intake) {
        this.inboxes = inboxes;
        this.quarantine = quarantine;
        this.automatic = automatic;
        this.intake = intake;
    }

    Inbox inbox(long inboxId, Actor actor) {
        actor.require(Role.ADMIN);
        return inboxes.get(inboxId, actor);
    }

    List<MailQuarantine.Entry> quarantine(long inboxId, MailQuarantine.Status status, Actor actor) {
        Inbox inbox = inbox(inboxId, actor);
        return quarantine.list(inbox.workspaceId(), inbox.id(), status == null ? MailQuarantine.Status.OPEN : status, LIMIT);
    }

    List<AutomaticMailLog.Entry> automaticMail(long inboxId, MailKind kind, Actor actor) {
        Inbox inbox = inbox(inboxId, actor);
        return automatic.list(inbox.workspaceId(), inbox.id(), kind, LIMIT);
    }

    MailQuarantine.Entry entry(long inboxId, long entryId, Actor actor) {
        Inbox inbox = inbox(inboxId, actor);
        return quarantine.find(inbox.workspaceId(), inbox.id(), entryId)
                .orElseThrow(() -> new NotFoundException("quarantined email", entryId));
    }

    byte[] raw(long inboxId, long entryId, Actor actor) {
        MailQuarantine.Entry entry = entry(inboxId, entryId, actor); // not found unless in the actor's inbox
        return quarantine.raw(actor.workspace(), entry.id());
    }

    /** Reads and ingests the kept bytes again; the entry closes as INGESTED, or stays OPEN with the new reason. */
    Retried retry(long inboxId, long entryId, Actor actor) {
        Inbox inbox = inbox(inboxId, actor);
        MailQuarantine.Entry entry = open(inbox, entryId);
        byte[] raw = quarantine.raw(inbox.workspaceId(), entry.id());
        try {
            MailIntake.Result result = intake.ingest(inbox, raw);
            quarantine.resolve(inbox.workspaceId(), entry.id(), MailQuarantine.Status.INGESTED, actor.userId());
            return new Retried(entry.id(), MailQuarantine.Status.INGESTED, result, null, entry.attempts() + 1);
        } catch (MailIntake.Unreadable e) {
            quarantine.failedAgain(inbox.workspaceId(), entry.id(), e.getMessage());
            return new Retried(entry.id(), MailQuarantine.Status.OPEN, MailIntake.Result.QUARANTINED, e.getMessage(),
                    entry.attempts() + 1);
        }
    }

    /** Lets the message go: it stays stored, closed as DISMISSED, and is no longer listed as open. */
    void dismiss(long inboxId, long entryId, Actor actor) {
        Inbox inbox = inbox(inboxId, actor);
        MailQuarantine.Entry entry = open(inbox, entryId);
        quarantine.resolve(inbox.workspaceId(), entry.id(), MailQuarantine.Status.DISMISSED, actor.userId());
    }

    private MailQuarantine.Entry open(Inbox inbox, long entryId) {
        MailQuarantine.Entry entry = quarantine.find(inbox.workspaceId(), inbox.id(), entryId)
                .orElseThrow(() -> new NotFoundException("quarantined email", entryId));
        if (entry.status() != MailQuarantine.Status.OPEN) {
            throw new ConflictException("status", "this quarantined email is " + entry.status() + " already");
        }
        return entry;
    }
}
