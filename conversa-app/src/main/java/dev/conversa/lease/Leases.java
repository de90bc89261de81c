package dev.conversa.lease;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The leases of this node. Work that must run on one node asks {@link #hold(String)} each time round its loop: it
 * gets the lease when this node has it or can take it (the first ask takes a free lease at once, so a single node
 * starts its work without delay), else nothing, and then leaves the work to the node that has it. A node asks for a
 * lease another node holds at most every {@code conversa.leases.retry-every}, so that node's death moves the work
 * here within the lease's duration plus that interval.
 */
@Service
public class Leases {
    private static final Logger log = LoggerFactory.getLogger(Leases.class);

    private final LeaseStore store;
    private final LeaseProperties properties;
    /** This process: the node's name plus a per-start suffix, so a restarted node never inherits its old tenure. */
    private final String holder;
    private final Map<String, Lease> held = new ConcurrentHashMap<>();
    private final Map<String, Long> lastTry = new ConcurrentHashMap<>();
    private final Map<String, Object> turns = new ConcurrentHashMap<>();

    Leases(LeaseStore store, LeaseProperties properties, @Value("${conversa.cluster.node-id:}") String nodeId,
           @Value("${server.port:8080}") String port) {
        this.store = store;
        this.properties = properties;
        this.holder = (nodeId == null || nodeId.isBlank() ? host() + ":" + port : nodeId.strip()) + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * As {@link #hold(String)}, and when this call takes the lease anew, {@code onLoss} is attached to it
     * ({@link Lease#whenLost}): the hook that stops this tenure's work, attached once per tenure.
     */
    public Optional<Lease> hold(String name, Runnable onLoss) {
        return hold(name, lease -> lease.whenLost(onLoss));
    }

    /** The lease if this node holds it or has just taken it; empty while another node holds it. */
    public Optional<Lease> hold(String name) {
        return hold(name, lease -> {
        });
    }

    private Optional<Lease> hold(String name, java.util.function.Consumer<Lease> fresh) {
        Lease current = held.get(name);
        if (current != null && current.held()) {
            return Optional.of(current);
        }
        synchronized (turns.computeIfAbsent(name, n -> new Object())) {
            current = held.get(name);
            if (current != null && current.held()) {
                return Optional.of(current);
            }
            if (current != null) {
                held.remove(name, current);
                current.lose(); // not renewed in time: whatever it guarded must stop before anyone retakes it
            }
            long now = System.nanoTime();
            Long last = lastTry.get(name);
            if (last != null && now - last < properties.retryEvery().toNanos()) {
                return Optional.empty();
            }
            lastTry.put(name, now);
            Instant at = Instant.now();
            Optional<Lease> taken;
            try {
                taken = store.acquire(properties.scope() + name, holder, at, properties.duration())
                        .map(token -> new Lease(name, properties.scope() + name, holder, token, store, now, at,
                                properties.duration()));
            } catch (RuntimeException e) {
                log.warn("Lease {} could not be asked for: {}", name, e.toString());
                return Optional.empty();
            }
            taken.ifPresent(lease -> {
                fresh.accept(lease);
                held.put(name, lease);
                log.info("Lease {} taken by {} (token {})", name, holder, lease.token());
            });
            return taken;
        }
    }

    /** Whether this node holds the lease now (without asking for it). */
    public boolean holds(String name) {
        Lease lease = held.get(name);
        return lease != null && lease.held();
    }

    /** Gives the lease up at once, for work that ended here (its inbox was removed), so no one waits for it to expire. */
    public void release(String name) {
        Lease lease = held.remove(name);
        if (lease != null) {
            lease.released();
            try {
                store.release(lease.stored(), holder, lease.token(), Instant.now());
            } catch (RuntimeException e) {
                log.warn("Lease {} could not be released; it expires by itself: {}", name, e.toString());
            }
        }
    }

    /** Releases this node's leases whose names start with {@code prefix} but are not among {@code wanted}. */
    public void releaseOthers(String prefix, Set<String> wanted) {
        held.keySet().stream().filter(n -> n.startsWith(prefix) && !wanted.contains(n)).toList().forEach(this::release);
    }

    /** The leases this node holds now, by name. */
    public List<Lease> held() {
        return held.values().stream().filter(Lease::held).sorted(Comparator.comparing(Lease::name)).toList();
    }

    /** Who this node is in the lease table. */
    public String holder() {
        return holder;
    }

    /** How often work that waits for a lease should ask again: more often gains nothing, less delays a takeover. */
    public Duration askEvery() {
        return properties.retryEvery();
    }

    Duration duration() {
        return properties.duration();
    }

    /** Extends every lease held here; those another node took meanwhile are lost at once. */
    void renew() {
        long now = System.nanoTime();
        Instant at = Instant.now();
        Map<String, Long> stillHeld = new java.util.HashMap<>();
        for (LeaseStore.Row row : store.renewAll(holder, at, properties.duration())) {
            Lease lease = row.name().startsWith(properties.scope())
                    ? held.get(row.name().substring(properties.scope().length())) : null;
            if (lease != null && lease.token() == row.token()) {
                stillHeld.put(row.name(), row.token());
            } else {
                // a tenure this node already gave up on (it lapsed here): free it rather than keep renewing it
                store.release(row.name(), holder, row.token(), at);
            }
        }
        for (Lease lease : List.copyOf(held.values())) {
            Long token = stillHeld.get(lease.stored());
            if (token != null && token == lease.token()) {
                lease.renewed(now, at, properties.duration());
            } else if (held.remove(lease.name(), lease)) {
                lease.lose();
            }
        }
    }

    /** Frees every lease (clean shutdown), so other nodes take the work over right away. */
    void releaseAll() {
        Collection<String> names = List.copyOf(held.keySet());
        names.forEach(this::release);
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }
}
