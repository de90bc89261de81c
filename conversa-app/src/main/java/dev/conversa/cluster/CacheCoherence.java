package dev.conversa.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the small per-node caches of workspace facts (verified API tokens, whether a workspace has automation rules
 * or SLA policies, the standing queries) in line with the database on every node. A module registers how to forget a
 * workspace's entries of its cache and calls {@link #changed} when it changes the facts behind them; once the change
 * has committed, every node, this one included, forgets them. On a single node that happens before {@code changed}
 * returns (or the transaction ends); on a cluster it travels as a {@link LiveSignal} through Kafka, like presence.
 * A signal lost in a Kafka outage is not retried: each cache's own expiry stays as the backstop.
 */
@Component
public class CacheCoherence {
    private final LiveSignals signals;
    private final Map<String, LongConsumer> caches = new ConcurrentHashMap<>();

    CacheCoherence(LiveSignals signals) {
        this.signals = signals;
    }

    /** How to forget one workspace's entries of the cache called {@code cache}. */
    public void register(String cache, LongConsumer forgetWorkspace) {
        if (caches.putIfAbsent(cache, forgetWorkspace) != null) {
            throw new IllegalStateException("cache " + cache + " is registered twice");
        }
    }

    /** The facts behind a workspace's entries of {@code cache} changed: every node forgets them after commit. */
    public void changed(String cache, long workspaceId) {
        if (!caches.containsKey(cache)) {
            throw new IllegalArgumentException("no cache " + cache);
        }
        CacheChanged signal = new CacheChanged(workspaceId, cache);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signals.send(signal);
                }
            });
        } else {
            signals.send(signal);
        }
    }

    @EventListener
    void on(CacheChanged signal) {
        forget(signal);
    }

    @EventListener
    void on(FromCluster delivered) {
        if (delivered.event() instanceof CacheChanged signal) {
            forget(signal);
        }
    }

    private void forget(CacheChanged signal) {
        LongConsumer forget = caches.get(signal.cache());
        if (forget != null) {
            forget.accept(signal.workspaceId());
        }
    }

    /** "Forget workspace {@code workspaceId}'s entries of {@code cache}", sent to every node. */
    record CacheChanged(long workspaceId, String cache) implements LiveSignal {
    }
}
