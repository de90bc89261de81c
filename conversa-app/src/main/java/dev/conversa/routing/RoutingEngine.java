package dev.conversa.routing;

import dev.conversa.kernel.Media;
import dev.conversa.workspace.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides who takes which conversation. Plain Java, single-threaded, no I/O: callers serialise access (the
 * Spring side builds one per workspace decision; the simulation and the benchmark drive one directly).
 *
 * <p>The engine keeps one invariant after every call: no available agent with room is able to take any waiting
 * conversation. Because of it, a new conversation is either placed at once or waits, and an agent who frees up
 * takes the waiting conversations they can in priority-then-age order.
 *
 * <p>Over 400 lines on purpose: the queue, its buckets, the free agents and the overflow set are four views of one
 * state that every call keeps consistent together; split across classes, each would have to expose its internals to
 * the others.
 */
public final class RoutingEngine {
    /** Highest priority first, then oldest, then first seen. */
    static final Comparator<Queued> QUEUE_ORDER = Comparator.<Queued>comparingInt(q -> -q.item.priority())
            .thenComparing(q -> q.item.arrivedAt())
            .thenComparingLong(q -> q.seq);

    private final Strategy strategy;
    private final Map<Long, AgentState> agents = new HashMap<>();
    /** Available agents with room for at least one media: the only ones worth looking at. */
    private final Set<AgentState> free = new LinkedHashSet<>();
    private final NavigableSet<Queued> queue = new TreeSet<>(QUEUE_ORDER);
    private final Map<Long, Queued> waiting = new HashMap<>();
    /**
     * The same queue split by what it takes to serve a conversation (media, required skills, team): an agent who
     * frees up looks only at the heads of the buckets they qualify for, not at thousands of conversations they
     * cannot take.
     */
    private final Map<BucketKey, NavigableSet<Queued>> buckets = new HashMap<>();
    /** Queued conversations whose overflow has not been applied yet, oldest deadline first. */
    private final NavigableSet<Queued> overflowPending = new TreeSet<>(
            Comparator.<Queued, Instant>comparing(q -> q.item.arrivedAt().plus(q.item.overflowAfter()))
                    .thenComparingLong(q -> q.seq));
    private final Map<Long, Held> held = new HashMap<>();
    private long seq;

    static final class Queued {
        final WorkItem item;
        final long seq;
        final BucketKey bucket;
        boolean overflowApplied;

        Queued(WorkItem item, long seq) {
            this.item = item;
            this.seq = seq;
            this.bucket = new BucketKey(item.media(), item.required(), item.teamId(), item.overflowTeamId());
        }
    }

    record BucketKey(Media media, Map<String, Integer> required, Long teamId, Long overflowTeamId) {
    }

    private record Held(long agentId, Media media) {
    }

    public RoutingEngine(Strategy strategy) {
        this.strategy = strategy;
    }

    public Strategy strategy() {
        return strategy;
    }

    /** Adds or replaces an agent. Existing load is kept. */
    public void putAgent(AgentProfile profile, AgentStatus status, Instant idleSince) {
        AgentState old = agents.get(profile.id());
        AgentState state = new AgentState(profile, status, idleSince);
        if (old != null) {
            state.load.putAll(old.load);
            state.lastAssignedSeq = old.lastAssignedSeq;
            free.remove(old);
        }
        agents.put(profile.id(), state);
        refreshFree(state);
    }

    /** Records a conversation the agent already holds (when loading state), without a decision. */
    public void restoreHeld(long conversationId, long agentId, Media media) {
        AgentState a = agent(agentId);
        a.load.merge(media, 1, Integer::sum);
        held.put(conversationId, new Held(agentId, media));
        refreshFree(a);
    }

    /** Adds a waiting conversation without trying to place it (when loading state); call {@link #rebalance} after. */
    public void restoreWaiting(WorkItem item) {
        enqueue(item);
    }

    /**
     * A conversation arrives: placed with the best agent who can take it now, or queued.
     */
    public Optional<RoutingDecision> arrive(WorkItem item, Instant now) {
        if (held.containsKey(item.conversationId()) || waiting.containsKey(item.conversationId())) {
            throw new IllegalStateException("conversation " + item.conversationId() + " is already routed");
        }
        AgentState best = choose(item, now);
        if (best == null) {
            enqueue(item);
            return Optional.empty();
        }
        return Optional.of(assign(best, item, now, RoutingDecision.Trigger.ARRIVAL, null));
    }

    /** An agent's status changes; becoming available makes them take what they can from the queue. */
    public List<RoutingDecision> setStatus(long agentId, AgentStatus status, Instant now) {
        AgentState a = agent(agentId);
        if (a.status != AgentStatus.AVAILABLE && status == AgentStatus.AVAILABLE && a.totalLoad() == 0) {
            a.idleSince = now;
        }
        a.status = status;
        refreshFree(a);
        return pull(a, now);
    }

    /** A conversation is done (resolved, closed, reassigned): its agent frees a slot and takes the next one. */
    public List<RoutingDecision> release(long conversationId, Instant now) {
        Queued q = waiting.get(conversationId);
        if (q != null) {
            dequeue(q);
            return List.of();
        }
        Held h = held.remove(conversationId);
        if (h == null) {
            return List.of();
        }
        AgentState a = agent(h.agentId());
        a.load.merge(h.media(), -1, Integer::sum);
        if (a.totalLoad() == 0) {
            a.idleSince = now;
        }
        refreshFree(a);
        return pull(a, now);
    }

    /** A waiting conversation's priority changed (a rule, an SLA about to breach): it moves in the queue. */
    public void reprioritise(long conversationId, int priority) {
        Queued q = waiting.get(conversationId);
        if (q == null || q.item.priority() == priority) {
            return;
        }
        dequeue(q);
        Queued moved = new Queued(q.item.withPriority(priority), q.seq);
        moved.overflowApplied = q.overflowApplied;
        waiting.put(conversationId, moved);
        queue.add(moved);
        bucket(moved).add(moved);
        if (!moved.overflowApplied && moved.item.overflowAfter() != null && moved.item.teamId() != null) {
            overflowPending.add(moved);
        }
    }

    /** Time passes: conversations that waited past their overflow delay are offered to the overflow team. */
    public List<RoutingDecision> tick(Instant now) {
        List<RoutingDecision> out = new ArrayList<>();
        List<Queued> due = new ArrayList<>();
        while (!overflowPending.isEmpty() && overflowPending.first().item.overflowed(now)) {
            Queued q = overflowPending.pollFirst();
            q.overflowApplied = true;
            due.add(q);
        }
        due.sort(QUEUE_ORDER);
        for (Queued q : due) {
            AgentState best = choose(q.item, now);
            if (best != null) {
                dequeue(q);
                out.add(assign(best, q.item, now, RoutingDecision.Trigger.OVERFLOW, q));
            }
        }
        return out;
    }

    /** Re-establishes the invariant after loading state: every free agent takes what they can. */
    public List<RoutingDecision> rebalance(Instant now) {
        List<RoutingDecision> out = new ArrayList<>();
        for (AgentState a : List.copyOf(free)) {
            out.addAll(pull(a, now));
        }
        return out;
    }

    public Collection<WorkItem> waiting() {
        return queue.stream().map(q -> q.item).toList();
    }

    public int waitingCount() {
        return queue.size();
    }

    public int load(long agentId, Media media) {
        return agent(agentId).load(media);
    }

    /** Why a conversation is still waiting, in words: for the console and the API. */
    public String explainWaiting(long conversationId, Instant now) {
        Queued q = waiting.get(conversationId);
        if (q == null) {
            return "not waiting";
        }
        WorkItem item = q.item;
        long skilled = agents.values().stream().filter(a -> a.qualifies(item) && inTeam(a, item, q, now)
                && a.profile.capacity(item.media()) > 0).count();
        long available = agents.values().stream().filter(a -> a.qualifies(item) && inTeam(a, item, q, now)
                && a.status == AgentStatus.AVAILABLE && a.profile.capacity(item.media()) > 0).count();
        return "waiting: " + skilled + " agent(s) qualify" + describeRequired(item) + ", " + available
                + " available, all at capacity on " + item.media() + "; position " + (queue.headSet(q).size() + 1);
    }

    // -- decisions ---------------------------------------------------------------------------------------------

    private AgentState choose(WorkItem item, Instant now) {
        AgentState best = null;
        for (AgentState a : free) {
            if (!eligible(a, item, null, now)) {
                continue;
            }
            if (item.stickyAgentId() != null && a.id() == item.stickyAgentId()) {
                return a;
            }
            if (best == null || better(a, best, item)) {
                best = a;
            }
        }
        return best;
    }

    private boolean better(AgentState a, AgentState b, WorkItem item) {
        int pa = a.preferredMatches(item);
        int pb = b.preferredMatches(item);
        if (pa != pb) {
            return pa > pb;
        }
        Media m = item.media();
        int c = switch (strategy) {
            case LEAST_LOADED -> {
                // a.load/a.cap < b.load/b.cap, cross-multiplied to stay in integers
                long l = (long) a.load(m) * b.profile.capacity(m) - (long) b.load(m) * a.profile.capacity(m);
                yield l != 0 ? Long.signum(l) : Integer.compare(a.totalLoad(), b.totalLoad());
            }
            case LONGEST_IDLE -> a.idleSince.compareTo(b.idleSince);
            case ROUND_ROBIN -> Long.compare(a.lastAssignedSeq, b.lastAssignedSeq);
        };
        if (c == 0 && strategy != Strategy.ROUND_ROBIN) {
            c = Long.compare(a.lastAssignedSeq, b.lastAssignedSeq);
        }
        return c != 0 ? c < 0 : a.id() < b.id();
    }

    private List<RoutingDecision> pull(AgentState a, Instant now) {
        if (!free.contains(a) || queue.isEmpty()) {
            return List.of();
        }
        List<RoutingDecision> out = new ArrayList<>();
        while (free.contains(a)) {
            Queued best = null;
            for (Map.Entry<BucketKey, NavigableSet<Queued>> e : buckets.entrySet()) {
                BucketKey k = e.getKey();
                if (!a.hasRoom(k.media()) || !qualifies(a, k.required())) {
                    continue;
                }
                for (Queued q : e.getValue()) {
                    if (best != null && QUEUE_ORDER.compare(q, best) >= 0) {
                        break;
                    }
                    if (inTeam(a, q.item, q, now)) {
                        best = q;
                        break;
                    }
                }
            }
            if (best == null) {
                break;
            }
            dequeue(best);
            out.add(assign(a, best.item, now, RoutingDecision.Trigger.AGENT_FREED, best));
        }
        return out;
    }

    private static boolean qualifies(AgentState a, Map<String, Integer> required) {
        for (Map.Entry<String, Integer> r : required.entrySet()) {
            if (a.profile.skill(r.getKey()) < r.getValue()) {
                return false;
            }
        }
        return true;
    }

    private boolean eligible(AgentState a, WorkItem item, Queued q, Instant now) {
        return a.status == AgentStatus.AVAILABLE && a.hasRoom(item.media()) && a.qualifies(item) && inTeam(a, item, q, now);
    }

    private static boolean inTeam(AgentState a, WorkItem item, Queued q, Instant now) {
        if (item.teamId() == null || a.profile.teams().contains(item.teamId())) {
            return true;
        }
        boolean overflowed = q != null ? q.overflowApplied || item.overflowed(now) : item.overflowed(now);
        return overflowed && (item.overflowTeamId() == null || a.profile.teams().contains(item.overflowTeamId()));
    }

    private RoutingDecision assign(AgentState a, WorkItem item, Instant now, RoutingDecision.Trigger trigger, Queued q) {
        Media m = item.media();
        int before = a.load(m);
        String why = explain(a, item, now, trigger, before);
        a.load.merge(m, 1, Integer::sum);
        a.lastAssignedSeq = ++seq;
        held.put(item.conversationId(), new Held(a.id(), m));
        refreshFree(a);
        Duration waited = q == null ? Duration.ZERO : Duration.between(item.arrivedAt(), now);
        return new RoutingDecision(item.conversationId(), a.id(), a.profile.name(), m, before, a.profile.capacity(m),
                trigger, now, waited, why);
    }

    private String explain(AgentState a, WorkItem item, Instant now, RoutingDecision.Trigger trigger, int before) {
        StringBuilder sb = new StringBuilder("assigned to ").append(a.profile.name()).append(':');
        List<String> parts = new ArrayList<>();
        item.required().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(r ->
                parts.add("skill " + r.getKey() + " " + a.profile.skill(r.getKey()) + ">=" + r.getValue()));
        for (String p : item.preferred().stream().sorted().toList()) {
            if (a.profile.skill(p) > 0) {
                parts.add("preferred " + p);
            }
        }
        if (item.teamId() != null) {
            parts.add(a.profile.teams().contains(item.teamId()) ? "team " + item.teamId()
                    : "overflow from team " + item.teamId() + " after " + human(item.overflowAfter()));
        }
        String load = before + "/" + a.profile.capacity(item.media()) + " " + item.media();
        if (item.stickyAgentId() != null && item.stickyAgentId() == a.id()) {
            parts.add("sticky owner (helped this customer last)");
            parts.add("load " + load);
        } else if (trigger == RoutingDecision.Trigger.AGENT_FREED) {
            parts.add("agent freed up, next waiting at priority " + item.priority() + " waited "
                    + human(Duration.between(item.arrivedAt(), now)));
            parts.add("load " + load);
        } else {
            parts.add(switch (strategy) {
                case LEAST_LOADED -> "least loaded " + load;
                case LONGEST_IDLE -> "longest idle " + human(Duration.between(a.idleSince, now)) + ", load " + load;
                case ROUND_ROBIN -> "round robin (next in turn), load " + load;
            });
        }
        return sb.append(' ').append(String.join(", ", parts)).toString();
    }

    private static String describeRequired(WorkItem item) {
        if (item.required().isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", item.required().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ">=" + e.getValue()).toList()) + ")";
    }

    static String human(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
        }
        return (s / 3600) + "h" + ((s % 3600) / 60 == 0 ? "" : ((s % 3600) / 60) + "m");
    }

    private void enqueue(WorkItem item) {
        Queued q = new Queued(item, ++seq);
        queue.add(q);
        bucket(q).add(q);
        waiting.put(item.conversationId(), q);
        if (item.overflowAfter() != null && item.teamId() != null) {
            overflowPending.add(q);
        }
    }

    private NavigableSet<Queued> bucket(Queued q) {
        return buckets.computeIfAbsent(q.bucket, k -> new TreeSet<>(QUEUE_ORDER));
    }

    private void dequeue(Queued q) {
        NavigableSet<Queued> b = buckets.get(q.bucket);
        if (b != null) {
            b.remove(q);
            if (b.isEmpty()) {
                buckets.remove(q.bucket);
            }
        }
        queue.remove(q);
        waiting.remove(q.item.conversationId());
        unpend(q);
    }

    private void unpend(Queued q) {
        if (q.item.overflowAfter() != null && q.item.teamId() != null) {
            overflowPending.remove(q);
        }
    }

    private void refreshFree(AgentState a) {
        if (a.status == AgentStatus.AVAILABLE && a.hasAnyRoom()) {
            free.add(a);
        } else {
            free.remove(a);
        }
    }

    private AgentState agent(long id) {
        AgentState a = agents.get(id);
        if (a == null) {
            throw new IllegalArgumentException("unknown agent " + id);
        }
        return a;
    }
}
