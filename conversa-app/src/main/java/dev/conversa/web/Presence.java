package dev.conversa.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Who has a conversation open and who is typing a reply, so two agents do not answer the same customer twice.
 * Browsers report every few seconds; an entry not refreshed for {@link #TTL} has gone away. Each node keeps its
 * own copy, fed by every report made on any node ({@link PresenceReport} is a cluster-wide live signal), so a
 * report refreshes the entry everywhere.
 */
@Component
public class Presence {
    static final Duration TTL = Duration.ofSeconds(30);

    public enum State { VIEWING, REPLYING }

    public record Entry(long userId, String name, State state, Instant seenAt) {
    }

    private record Key(long workspaceId, long conversationId) {
    }

    private final Map<Key, Map<Long, Entry>> entries = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

    /** Records a report; returns whether what others see changed. */
    boolean report(long ws, long conversationId, long userId, String name, State state) {
        var map = entries.computeIfAbsent(new Key(ws, conversationId), k -> new ConcurrentHashMap<>());
        Entry before = map.put(userId, new Entry(userId, name, state, clock.instant()));
        return before == null || before.state() != state || expired(before);
    }

    boolean leave(long ws, long conversationId, long userId) {
        var map = entries.get(new Key(ws, conversationId));
        return map != null && map.remove(userId) != null;
    }

    /** Applies a report from this node or another one; returns whether what others see changed. */
    boolean apply(PresenceReport r) {
        return r.left() ? leave(r.workspaceId(), r.conversationId(), r.userId())
                : report(r.workspaceId(), r.conversationId(), r.userId(), r.name(), r.state());
    }

    /** The others on this conversation, people typing first. */
    List<Entry> others(long ws, long conversationId, long me) {
        var map = entries.getOrDefault(new Key(ws, conversationId), Map.of());
        map.values().removeIf(this::expired);
        return map.values().stream().filter(e -> e.userId() != me)
                .sorted(Comparator.comparing(Entry::state).reversed().thenComparing(Entry::name)).toList();
    }

    private boolean expired(Entry e) {
        return e.seenAt().plus(TTL).isBefore(clock.instant());
    }
}
