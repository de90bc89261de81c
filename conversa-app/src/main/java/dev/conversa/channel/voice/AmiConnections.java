package dev.conversa.channel.voice;

import dev.conversa.channel.ChannelEvents;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.InboxStatus;
import dev.conversa.kernel.Backoff;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Sql;
import dev.conversa.lease.Leases;
import dev.conversa.worker.Worker;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MessageWaitingEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps one Asterisk Manager Interface connection per VOICE inbox that has the setting {@code amiHost}
 * ({@code amiPort}, default 5038; {@code amiUsername}; secret {@code amiSecret}), each on its own virtual thread.
 * asterisk-java's reader thread only queues the events; the inbox's thread maps them ({@link AmiCallMapper}) onto the
 * same {@link CallTracker} the Twilio webhooks feed. A lost connection (or a failed {@code Ping} on a quiet line) is
 * re-established here with exponential backoff (1 s doubling to 5 min) rather than by asterisk-java's own reconnect
 * thread, so that settings changed meanwhile are read again and refused logins reach the admin: they mark the inbox
 * ERROR through {@link InboxService#reportError}; the next successful login makes it ACTIVE again.
 * <p>On a cluster one node follows each inbox: the holder of the lease {@code voice-inbox:<id>}, asked for at every
 * scan (every {@code conversa.leases.retry-every}, at most 15 s, or when an inbox changes); losing it ends that connection at once.
 */
@Component
class AmiConnections extends Worker {
    static final String PROVIDER = "asterisk";
    private static final Logger log = LoggerFactory.getLogger(AmiConnections.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);
    private static final Duration PING_AFTER = Duration.ofSeconds(30);
    private static final Object RECONNECT = new Object();
    private static final List<Class<? extends ManagerEvent>> EVENTS = List.of(NewChannelEvent.class, NewStateEvent.class,
            DialBeginEvent.class, DialEndEvent.class, BridgeEnterEvent.class, HangupEvent.class, NewExtenEvent.class,
            VarSetEvent.class, MessageWaitingEvent.class);

    private final InboxService inboxes;
    private final CallTracker calls;
    private final JdbcClient jdbc;
    private final Map<Long, Link> links = new ConcurrentHashMap<>();

    /** One inbox's connection thread and the queue its connection's events arrive in. */
    private static final class Link {
        final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        final Semaphore kick = new Semaphore(0);
        volatile Thread thread;
        volatile boolean connected;
    }

    private final Leases leases;

    AmiConnections(InboxService inboxes, CallTracker calls, JdbcClient jdbc, Leases leases) {
        super("asterisk-ami", new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1)));
        this.leases = leases;
        this.inboxes = inboxes;
        this.calls = calls;
        this.jdbc = jdbc;
    }

    /** Whether the inbox's AMI connection is logged in now (for tests and health). */
    boolean connected(long inboxId) {
        Link link = links.get(inboxId);
        return link != null && link.connected;
    }

    /** A changed voice inbox reconnects with its new settings now rather than at the next scan. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(ChannelEvents.InboxChanged changed) {
        if (changed.channel() == ChannelType.VOICE) {
            Link link = links.get(changed.inboxId());
            if (link != null) {
                link.queue.offer(RECONNECT);
                link.kick.release();
            }
            wake();
        }
    }

    /**
     * Opens a connection for each AMI inbox whose lease this node holds or takes; each connection is a thread of its
     * own, ended when the inbox's lease is lost or the worker stops.
     */
    @Override
    protected Duration round() {
        for (Inbox inbox : inboxes.allOfChannel(ChannelType.VOICE)) {
            // one node follows each inbox's AMI: the holder of its lease; a lost lease ends the connection
            if (isAmi(inbox) && leases.hold(leaseName(inbox.id()), () -> disconnect(inbox.id())).isPresent()) {
                links.computeIfAbsent(inbox.id(), id -> {
                    Link link = new Link();
                    link.thread = Thread.ofVirtual().name("asterisk-ami-" + id).start(() -> follow(id, link));
                    return link;
                });
            }
        }
        // at least as often as a free lease can be taken, so a dead node's connections move without extra delay
        return Duration.ofMillis(Math.min(15_000, leases.askEvery().toMillis()));
    }


    static String leaseName(long inboxId) {
        return "voice-inbox:" + inboxId;
    }

    private void disconnect(long inboxId) {
        Link link = links.get(inboxId);
        if (link != null && link.thread != null) {
            link.thread.interrupt();
        }
    }

    private static boolean isAmi(Inbox inbox) {
        return VoiceSettings.of(inbox.settings()).ami() && inbox.status() != InboxStatus.DISABLED;
    }

    /** Connects, reads and reconnects with backoff until the inbox is gone, disabled or no longer on AMI. */
    private void follow(long inboxId, Link link) {
        Duration backoff = Duration.ofSeconds(1);
        try {
            while (isRunning() && leases.holds(leaseName(inboxId))) {
                Optional<Inbox> inbox = inboxes.allOfChannel(ChannelType.VOICE).stream().filter(i -> i.id() == inboxId)
                        .filter(AmiConnections::isAmi).findFirst();
                if (inbox.isEmpty()) {
                    return;
                }
                link.queue.clear();
                if (session(inbox.get(), link)) {
                    backoff = Duration.ofSeconds(1);
                } else {
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
                link.kick.drainPermits();
                link.kick.tryAcquire(backoff.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            links.remove(inboxId, link);
        }
    }

    /** One logged-in session; answers whether the login succeeded. */
    private boolean session(Inbox inbox, Link link) throws InterruptedException {
        VoiceSettings s = VoiceSettings.of(inbox.settings());
        String secret = inboxes.secrets(inbox.workspaceId(), inbox.id()).get("amiSecret");
        ManagerConnection connection = new ManagerConnectionFactory(s.amiHost(), s.amiPort(),
                s.amiUsername() == null ? "" : s.amiUsername(), secret == null ? "" : secret).createManagerConnection();
        connection.setSocketTimeout(10_000);
        connection.setKeepAliveAfterAuthenticationFailure(false);
        // registered by hand: the library's own classpath scan may not see inside a packaged application
        EVENTS.forEach(connection::registerUserEventClass);
        connection.addEventListener(link.queue::offer);
        try {
            connection.login();
        } catch (AuthenticationFailedException e) {
            log.warn("Asterisk AMI of inbox {} refused the login: {}", inbox.id(), e.getMessage());
            inboxes.reportError(inbox.workspaceId(), inbox.id(), "Asterisk AMI login refused: " + e.getMessage());
            return false;
        } catch (IOException | org.asteriskjava.manager.TimeoutException | RuntimeException e) {
            log.info("Asterisk AMI of inbox {} unreachable: {}", inbox.id(), e.toString());
            inboxes.reportError(inbox.workspaceId(), inbox.id(), "Asterisk AMI unreachable at " + s.amiHost() + ": "
                    + e.getMessage());
            return false;
        }
        log.info("Asterisk AMI of inbox {} connected to {}", inbox.id(), s.amiHost());
        recovered(inbox);
        link.connected = true;
        AmiCallMapper mapper = new AmiCallMapper(s);
        try {
            while (isRunning()) {
                Object next = link.queue.poll(PING_AFTER.toMillis(), TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (!alive(connection)) {
                        log.info("Asterisk AMI of inbox {} stopped answering; reconnecting", inbox.id());
                        return true;
                    }
                } else if (next == RECONNECT || next instanceof DisconnectEvent) {
                    log.info("Asterisk AMI of inbox {}: {}; reconnecting", inbox.id(),
                            next == RECONNECT ? "settings changed" : "connection lost");
                    return true;
                } else if (next instanceof ManagerEvent event) {
                    for (CallEvent call : mapper.map(event)) {
                        try {
                            calls.on(inbox, PROVIDER, call);
                        } catch (RuntimeException e) {
                            log.warn("Asterisk call event {} of inbox {} not recorded", call, inbox.id(), e);
                        }
                    }
                }
            }
            return true;
        } finally {
            link.connected = false;
            try {
                connection.logoff();
            } catch (RuntimeException e) {
                log.debug("Asterisk AMI logoff: {}", e.toString());
            }
        }
    }

    private static boolean alive(ManagerConnection connection) {
        try {
            return !(connection.sendAction(new PingAction(), 10_000) instanceof ManagerError);
        } catch (IOException | org.asteriskjava.manager.TimeoutException | RuntimeException e) {
            return false;
        }
    }

    /** A refused or unreachable AMI marked the inbox ERROR; a successful login clears that. */
    private void recovered(Inbox inbox) {
        jdbc.sql("UPDATE inbox SET status = 'ACTIVE', last_error = NULL, updated_at = ? WHERE id = ? AND status = 'ERROR'")
                .params(Sql.ts(Instant.now()), inbox.id()).update();
    }


    @Override
    protected void stopped() {
        links.values().forEach(l -> {
            Thread t = l.thread;
            if (t != null) {
                t.interrupt();
            }
        });
    }
}
