package dev.conversa.channel.email;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import dev.conversa.kernel.ChannelType;
import dev.conversa.lease.Lease;
import dev.conversa.lease.LeaseLost;
import dev.conversa.lease.Leases;
import dev.conversa.kernel.Backoff;
import dev.conversa.worker.Worker;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fetches new mail of every email inbox over IMAP. The mailbox is read by UID from a persisted cursor, so a
 * restart neither loses nor re-reads mail (and a re-read would be harmless: ingestion is keyed by Message-ID).
 * Each inbox is polled every {@code pollSeconds} (setting; default 30), on a virtual thread, unless it waits in IMAP
 * IDLE ({@link EmailIdle}: when the server supports it and {@code imapIdle} is not {@code false}), which fetches as soon
 * as the server reports new mail. A message that cannot be read or ingested goes to the {@link MailQuarantine} and
 * the cursor moves on, whether polling or IDLE fetched it (both go through {@link #poll}).
 * <p>On a cluster each inbox is read by one node: the holder of the lease {@code email-inbox:<id>}. A node that loses
 * the lease stops its IDLE connection and polling of that inbox at once, and the cursor only moves in a transaction
 * that checks the lease's fencing token, so a node that stalled and woke up after a takeover cannot move it back.
 */
@Component
class EmailPoller extends Worker {
    private static final Logger log = LoggerFactory.getLogger(EmailPoller.class);
    private static final int BATCH = 200;

    private final InboxService inboxes;
    private final MailIntake intake;
    private final EmailStore store;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastPoll = new ConcurrentHashMap<>();
    private final EmailIdle idle;
    private final Leases leases;
    private final TransactionTemplate tx;
    /** The tenure each inbox was last worked under here, to stop its IDLE connection the moment it is lost. */
    private final Map<Long, Lease> tenures = new ConcurrentHashMap<>();

    EmailPoller(InboxService inboxes, MailIntake intake, EmailStore store, Leases leases, TransactionTemplate tx) {
        super("email-poller", new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)));
        this.inboxes = inboxes;
        this.intake = intake;
        this.store = store;
        this.leases = leases;
        this.tx = tx;
        this.idle = new EmailIdle(inboxes, this::poll);
    }

    static String leaseName(long inboxId) {
        return "email-inbox:" + inboxId;
    }

    /** The inbox's lease if this node reads it; a new tenure gets the hook that stops the inbox's IDLE on loss. */
    private Optional<Lease> lease(long inboxId) {
        Optional<Lease> lease = leases.hold(leaseName(inboxId));
        lease.ifPresent(l -> {
            if (tenures.put(inboxId, l) != l) {
                l.whenLost(() -> {
                    tenures.remove(inboxId, l);
                    idle.stop(inboxId);
                });
            }
        });
        return lease;
    }

    /** Whether the inbox waits in IMAP IDLE now (for tests and health). */
    boolean idling(long inboxId) {
        return idle.idling(inboxId);
    }

    /**
     * Fetches the inbox's new mail now, if this node holds its lease; answers how many messages it looked at. Also
     * used by tests.
     */
    int pollNow(long inboxId) {
        Inbox inbox = inboxes.allOfChannel(ChannelType.EMAIL).stream().filter(i -> i.id() == inboxId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no email inbox " + inboxId));
        return poll(inbox);
    }

    private int poll(Inbox inbox) {
        if (EmailSettings.of(inbox).imapHost() == null) {
            return 0;
        }
        Lease lease = lease(inbox.id()).orElse(null);
        if (lease == null) {
            return 0; // another node reads this inbox
        }
        ReentrantLock lock = locks.computeIfAbsent(inbox.id(), id -> new ReentrantLock());
        lock.lock();
        try {
            lastPoll.put(inbox.id(), Instant.now());
            return fetch(inbox, lease);
        } catch (LeaseLost e) {
            log.info("Email inbox {}: {}; another node reads it now", inbox.id(), e.getMessage());
            return 0;
        } catch (MessagingException | IOException | RuntimeException e) {
            log.warn("Email inbox {} could not be polled: {}", inbox.id(), e.toString());
            inboxes.reportError(inbox.workspaceId(), inbox.id(), "IMAP: " + e.getMessage());
            return 0;
        } finally {
            lock.unlock();
        }
    }

    private int fetch(Inbox inbox, Lease lease) throws MessagingException, IOException {
        String password = inboxes.secrets(inbox.workspaceId(), inbox.id()).get("password");
        try (Store imap = MailSessions.imap(inbox).getStore(MailSessions.imapProtocol(inbox))) {
            imap.connect(MailSessions.username(inbox), password);
            Folder folder = imap.getFolder(EmailSettings.of(inbox).imapFolder());
            folder.open(Folder.READ_ONLY);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                store.startCursor(inbox.id(), validity);
                var cursor = store.cursor(inbox.id()).filter(c -> c.uidValidity() == validity);
                long from = cursor.map(c -> c.lastUid() + 1).orElse(1L);
                Message[] batch = uids.getMessagesByUID(from, UIDFolder.MAXUID);
                int seen = 0;
                for (Message m : batch) {
                    if (m == null || seen >= BATCH) {
                        continue;
                    }
                    if (!lease.held()) {
                        break; // lost meanwhile: the new holder reads on from the cursor
                    }
                    long uid = uids.getUID(m);
                    if (uid < from) {
                        continue; // IMAP answers the last message for an empty range
                    }
                    // The exact bytes, in one fetch: what is parsed, and what the quarantine keeps if it cannot be.
                    var raw = new ByteArrayOutputStream();
                    m.writeTo(raw);
                    // Each message on its own: one that cannot be read or ingested is quarantined, never thrown, so
                    // the cursor always moves past it (only a failure to quarantine it keeps the cursor here).
                    var outcome = intake.take(inbox, uid, raw.toByteArray());
                    log.debug("Email {} of inbox {}: {}", uid, inbox.id(), outcome);
                    tx.executeWithoutResult(status -> {
                        lease.fence();
                        store.saveCursor(inbox.id(), validity, uid);
                    });
                    seen++;
                }
                return seen;
            } finally {
                folder.close(false);
            }
        }
    }

    /** One pass over the email inboxes: take the free leases, poll what is due, keep IDLE where it is asked for. */
    @Override
    protected Duration round() {
        var all = inboxes.allOfChannel(ChannelType.EMAIL).stream().filter(i -> EmailSettings.of(i).imapHost() != null)
                .toList();
        leases.releaseOthers("email-inbox:", all.stream().map(i -> leaseName(i.id())).collect(Collectors.toSet()));
        // every free lease first, then the polls: a long poll of one inbox must not delay taking over the next
        all.forEach(inbox -> lease(inbox.id()));
        for (Inbox inbox : all) {
            if (!isRunning()) {
                break;
            }
            if (lease(inbox.id()).isEmpty()) {
                continue; // another node reads it
            }
            int every = EmailSettings.of(inbox).pollSeconds();
            Instant last = lastPoll.get(inbox.id());
            boolean failing = inbox.status() == InboxStatus.ERROR;
            Duration wait = Duration.ofSeconds(failing ? Math.max(every, 300) : every);
            if (last == null || !idle.idling(inbox.id()) && last.plus(wait).isBefore(Instant.now())) {
                poll(inbox);
            }
            idle.ensure(inbox);
        }
        return Duration.ofSeconds(1);
    }

    @Override
    protected void stopped() {
        idle.stop();
    }
}
