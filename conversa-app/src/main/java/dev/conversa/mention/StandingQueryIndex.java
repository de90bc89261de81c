package dev.conversa.mention;

import dev.conversa.cluster.CacheCoherence;
import dev.conversa.listening.Post;
import dev.conversa.listening.QueryIndex;
import dev.conversa.listening.QueryMatch;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every workspace's standing queries in one matcher, so a post of the public stream is matched once whatever the
 * number of workspaces. The database is the truth: queries added or deleted on this node are applied at once, the
 * other nodes re-read the active queries when the change's {@link CacheCoherence} signal reaches them, and every node
 * also re-reads them periodically, so a node that missed a signal converges too.
 */
@Component
class StandingQueryIndex {
    private static final Logger log = LoggerFactory.getLogger(StandingQueryIndex.class);

    private static final String CACHE = "standing-queries";

    private final MentionStore store;
    private final CacheCoherence coherence;
    private final QueryIndex index = new QueryIndex();
    /** Query id → its workspace, for the queries in the index. */
    private final Map<Long, Long> workspaceOf = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    StandingQueryIndex(MentionStore store, CacheCoherence coherence) {
        this.store = store;
        this.coherence = coherence;
        // another node added or deleted a query: read the active set again (the periodic sync is the backstop)
        coherence.register(CACHE, ws -> sync());
    }

    /** A query of the workspace was added or deleted here: every other node re-reads the active queries. */
    void changedElsewhere(long workspaceId) {
        coherence.changed(CACHE, workspaceId);
    }

    record Hit(long queryId, long workspaceId, QueryMatch match) {
    }

    List<Hit> match(Post post) {
        if (!loaded) {
            sync();
        }
        return index.match(post).stream()
                .map(m -> {
                    long queryId = Long.parseLong(m.queryId());
                    Long ws = workspaceOf.get(queryId);
                    return ws == null ? null : new Hit(queryId, ws, m);
                })
                .filter(Objects::nonNull)
                .toList();
    }

    void put(StandingQuery q) {
        workspaceOf.put(q.id(), q.workspaceId());
        index.add(String.valueOf(q.id()), q.query());
    }

    void remove(long queryId) {
        index.remove(String.valueOf(queryId));
        workspaceOf.remove(queryId);
    }

    /** Brings the index in line with the active queries in the database (other nodes' changes included). */
    @Scheduled(fixedDelayString = "${conversa.listening.refresh-interval-ms:30000}",
            initialDelayString = "${conversa.listening.refresh-interval-ms:30000}")
    synchronized void sync() {
        List<StandingQuery> active = store.activeQueries();
        Set<Long> seen = new HashSet<>();
        for (StandingQuery q : active) {
            seen.add(q.id());
            if (!workspaceOf.containsKey(q.id())) {
                try {
                    put(q);
                } catch (IllegalArgumentException e) {
                    // stored queries were validated when created; a later grammar change must not stop the others
                    log.warn("Standing query {} of workspace {} no longer parses: {}", q.id(), q.workspaceId(), e.getMessage());
                }
            }
        }
        for (Long id : Set.copyOf(workspaceOf.keySet())) {
            if (!seen.contains(id)) {
                remove(id);
            }
        }
        loaded = true;
    }
}
