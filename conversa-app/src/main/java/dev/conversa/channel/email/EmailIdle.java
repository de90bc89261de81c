package dev.conversa.channel.email;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMAP IDLE (RFC 2177) for the email inboxes whose server advertises it: one connection per inbox waits on a
 * virtual thread in {@link IMAPFolder#idle(boolean)}; whatever the server reports (new mail, expunge) triggers a
 * fetch through the poller's cursor, so mail arrives within a second and is read exactly as polling reads it.
 * IDLE is re-issued every {@code idleRefreshSeconds} (setting; default 540, under the 29 minutes RFC 2177 allows and
 * the idle timeouts of most NATs). Without the IDLE capability, with {@code imapIdle=false}, or while the IDLE
 * connection is failing (retried with backoff up to 5 minutes), the inbox is simply polled every {@code pollSeconds}.
 */
final class EmailIdle {
    private static final Logger log = LoggerFactory.getLogger(EmailIdle.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final InboxService inboxes;
    private final Consumer<Inbox> fetch;
    private final Map<Long, Watch> watches = new ConcurrentHashMap<>();
    /** Inboxes whose server has no IDLE, as of the inbox version (updatedAt) that was tried. */
    private final Map<Long, Instant> unsupported = new ConcurrentHashMap<>();

    private static final class Watch {
        volatile Thread thread;
        volatile boolean idling;
        volatile IMAPFolder folder;
        /** When the watch last fetched (System.nanoTime()). */
        volatile long fetched;
    }

    /** How long a new-mail notice waits for the IDLE loop's own fetch before fetching itself. */
    private static final Duration NOTICE_GRACE = Duration.ofSeconds(1);

    EmailIdle(InboxService inboxes, Consumer<Inbox> fetch) {
        this.inboxes = inboxes;
        this.fetch = fetch;
    }

    /** Whether the inbox is waiting in IDLE now, so its scheduled polling can rest. */
    boolean idling(long inboxId) {
        Watch w = watches.get(inboxId);
        return w != null && w.idling;
    }

    static boolean wanted(Inbox inbox) {
        EmailSettings settings = EmailSettings.of(inbox);
        return inbox.status() == InboxStatus.ACTIVE && settings.imapHost() != null && settings.imapIdle();
    }

    /** Starts watching the inbox unless it is watched already or its server is known not to support IDLE. */
    void ensure(Inbox inbox) {
        if (!wanted(inbox) || inbox.updatedAt() != null && inbox.updatedAt().equals(unsupported.get(inbox.id()))) {
            return;
        }
        watches.computeIfAbsent(inbox.id(), id -> {
            Watch w = new Watch();
            w.thread = Thread.ofVirtual().name("email-idle-" + id).start(() -> watch(id, w));
            return w;
        });
    }

    private void watch(long inboxId, Watch w) {
        Duration backoff = Duration.ofSeconds(2);
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Inbox inbox = current(inboxId);
                if (inbox == null || !wanted(inbox)) {
                    return;
                }
                try {
                    if (!idle(inbox, w)) {
                        unsupported.put(inboxId, inbox.updatedAt() == null ? Instant.EPOCH : inbox.updatedAt());
                        log.info("Email inbox {}: the IMAP server has no IDLE; polling every pollSeconds", inboxId);
                        return;
                    }
                    backoff = Duration.ofSeconds(2);
                } catch (AuthenticationFailedException e) {
                    return; // the poller reports it and marks the inbox ERROR
                } catch (MessagingException | IllegalStateException e) {
                    log.info("Email inbox {}: IMAP IDLE interrupted ({}); polling meanwhile, retrying in {}s", inboxId,
                            e.toString(), backoff.toSeconds());
                }
                Thread.sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            w.idling = false;
            watches.remove(inboxId, w);
        }
    }

    /** Idles until the connection fails; answers false right away when the server lacks IDLE. */
    private boolean idle(Inbox inbox, Watch w) throws MessagingException, InterruptedException {
        int refresh = EmailSettings.of(inbox).idleRefreshSeconds();
        Session session = MailSessions.imap(inbox);
        String protocol = MailSessions.imapProtocol(inbox);
        // IDLE waits silently: the read timeout must outlast one IDLE period
        session.getProperties().put("mail." + protocol + ".timeout", String.valueOf((refresh + 60) * 1000));
        String password = inboxes.secrets(inbox.workspaceId(), inbox.id()).get("password");
        try (IMAPStore store = (IMAPStore) session.getStore(protocol)) {
            store.connect(MailSessions.username(inbox), password);
            if (!store.hasCapability("IDLE")) {
                return false;
            }
            IMAPFolder folder = (IMAPFolder) store.getFolder(EmailSettings.of(inbox).imapFolder());
            folder.open(Folder.READ_ONLY);
            w.folder = folder;
            Thread refresher = Thread.ofVirtual().name("email-idle-refresh-" + inbox.id()).start(() -> refresh(folder, refresh));
            // Mail that lands after a fetch but before the server takes the IDLE command is announced while IDLE
            // starts, and that announcement does not end the IDLE: without this notice it would wait for the next
            // notification or refresh. Normally the loop below fetches first, and the notice finds nothing to do.
            folder.addMessageCountListener(new MessageCountAdapter() {
                @Override
                public void messagesAdded(MessageCountEvent e) {
                    long noticed = System.nanoTime();
                    Thread.ofVirtual().name("email-idle-notice-" + inbox.id()).start(() -> {
                        try {
                            Thread.sleep(NOTICE_GRACE);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                        if (w.fetched - noticed < 0) {
                            fetched(w, inbox);
                        }
                    });
                }
            });
            try {
                fetched(w, inbox); // whatever arrived before IDLE began
                while (!Thread.currentThread().isInterrupted()) {
                    w.idling = true;
                    folder.idle(true); // returns on the server's first notification, or when refresh() breaks it
                    fetched(w, inbox);
                }
                throw new InterruptedException();
            } finally {
                w.idling = false;
                w.folder = null;
                refresher.interrupt();
                if (folder.isOpen()) {
                    try {
                        folder.close(false);
                    } catch (MessagingException | IllegalStateException e) {
                        log.debug("Email inbox {}: closing the IDLE folder: {}", inbox.id(), e.toString());
                    }
                }
            }
        }
    }

    private void fetched(Watch w, Inbox inbox) {
        w.fetched = System.nanoTime();
        fetch.accept(inbox);
    }

    /** Ends the current IDLE every period (any command on the folder sends DONE), so that IDLE is issued anew. */
    private static void refresh(IMAPFolder folder, int seconds) {
        try {
            while (folder.isOpen()) {
                Thread.sleep(Duration.ofSeconds(seconds));
                folder.getMessageCount();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (MessagingException | IllegalStateException e) {
            log.debug("IMAP IDLE refresh: {}", e.toString());
        }
    }

    private Inbox current(long inboxId) {
        return inboxes.allOfChannel(dev.conversa.kernel.ChannelType.EMAIL).stream().filter(i -> i.id() == inboxId)
                .findFirst().orElse(null);
    }

    /** Ends the inbox's IDLE connection (this node no longer reads the inbox). */
    void stop(long inboxId) {
        Watch w = watches.remove(inboxId);
        if (w != null) {
            end(w);
        }
    }

    void stop() {
        watches.values().forEach(EmailIdle::end);
    }

    private static void end(Watch w) {
        Thread t = w.thread;
        if (t != null) {
            t.interrupt();
        }
        IMAPFolder f = w.folder;
        if (f != null) {
            // a thread blocked in IDLE wakes when the folder is used
            Thread.ofVirtual().start(() -> {
                try {
                    f.close(false);
                } catch (MessagingException | IllegalStateException e) {
                    log.debug("IMAP IDLE stop: {}", e.toString());
                }
            });
        }
    }

}
