package dev.conversa.kernel;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * A yes/no fact about a workspace ("has enabled rules for this trigger", "has SLA policies") that the ingestion
 * path asks for every message but that changes rarely. Answers are kept for {@code ttl} on this node; the module
 * that changes the fact calls {@link #forget} so this node sees its own change at once, and tells the other nodes
 * (the cluster module's cache coherence) so they forget theirs; the expiry is the backstop for a lost signal.
 *
 * @param <K> what the fact is about within a workspace (use {@code String} and a constant when there is one fact)
 */
public final class WorkspaceFacts<K> {
    private final BiPredicate<Long, K> query;
    private final long ttlNanos;
    private final Map<Key<K>, Answer> answers = new ConcurrentHashMap<>();

    private record Key<K>(long workspaceId, K about) {
    }

    private record Answer(boolean value, long expiresAt) {
    }

    public WorkspaceFacts(Duration ttl, BiPredicate<Long, K> query) {
        this.query = query;
        this.ttlNanos = ttl.toNanos();
    }

    public boolean test(long workspaceId, K about) {
        Key<K> key = new Key<>(workspaceId, about);
        long now = System.nanoTime();
        Answer a = answers.get(key);
        if (a == null || now - a.expiresAt() >= 0) {
            a = new Answer(query.test(workspaceId, about), now + ttlNanos);
            answers.put(key, a);
        }
        return a.value();
    }

    /**
     * Drops this node's answers for the workspace: call when changing the fact. Inside a transaction they are
     * dropped again after commit, so that a reader racing the commit cannot keep the old answer.
     */
    public void forget(long workspaceId) {
        Forgetting.nowAndAfterTransaction(() -> answers.keySet().removeIf(k -> k.workspaceId() == workspaceId));
    }
}
