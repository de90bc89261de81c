package dev.conversa.web;

import dev.conversa.channel.ChannelEvents;
import dev.conversa.cluster.FromCluster;
import dev.conversa.conversation.ConversationEvents;
import dev.conversa.conversation.MentionEvents;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes changes to every open console of a workspace over server-sent events. Events are sent after the
 * change commits, so a console that reacts by fetching a fragment sees it. Only ids travel; the browser fetches
 * what it shows through the normal, access-checked pages.
 *
 * <p>Connections live on the node that accepted them. On a single node (Kafka off) the node's own events are shown
 * as they commit. With Kafka on, every node, the one where the change happened included, shows only what it reads
 * back from Kafka ({@link FromCluster}): one path for all, so each console sees a workspace's changes once and in
 * the same order on every node. The cost is the trip through the outbox and the broker (~150 ms from the API call
 * to the other node's console in ClusterIT).
 */
@Component
class LiveUpdates {
    static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private record Client(long userId, SseEmitter emitter) {
    }

    private final Map<Long, List<Client>> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("console-sse-heartbeat").factory());

    private final Presence presence;
    private final boolean clustered;

    LiveUpdates(Presence presence, @Value("${conversa.kafka.enabled:false}") boolean clustered) {
        this.presence = presence;
        this.clustered = clustered;
        // A comment line every 20 s keeps proxies from closing idle connections and reveals dead ones.
        heartbeat.scheduleAtFixedRate(this::ping, 20, 20, TimeUnit.SECONDS);
    }

    SseEmitter connect(long workspaceId, long userId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Client client = new Client(userId, emitter);
        List<Client> list = clients.computeIfAbsent(workspaceId, k -> new CopyOnWriteArrayList<>());
        list.add(client);
        Runnable remove = () -> list.remove(client);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("hello").data("{}").reconnectTime(2000));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    /** Sends to everyone in the workspace, or only to {@code onlyUser} when set. */
    void publish(long workspaceId, Long onlyUser, String name, String json) {
        Runnable send = () -> {
            for (Client c : clients.getOrDefault(workspaceId, List.of())) {
                if (onlyUser == null || onlyUser == c.userId()) {
                    try {
                        c.emitter().send(SseEmitter.event().name(name).data(json, MediaType.APPLICATION_JSON));
                    } catch (IOException | IllegalStateException e) {
                        clients.getOrDefault(workspaceId, List.of()).remove(c);
                    }
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }

    private void conversation(long ws, long conversationId, String kind) {
        publish(ws, null, "conversation", "{\"id\":" + conversationId + ",\"kind\":\"" + kind + "\"}");
    }

    /** This node's own events; with Kafka on they are shown when they come back from the cluster instead. */
    @EventListener({ConversationEvents.ConversationOpened.class, ConversationEvents.MessageReceived.class,
            ConversationEvents.ReplyQueued.class, ConversationEvents.DeliveryUpdated.class,
            ConversationEvents.ConversationAssigned.class, ConversationEvents.StatusChanged.class,
            ConversationEvents.PriorityChanged.class, ConversationEvents.TagsChanged.class,
            ConversationEvents.NoteAdded.class, ChannelEvents.CallRinging.class, ChannelEvents.CallAnswered.class,
            ChannelEvents.CallEnded.class, MentionEvents.AgentMentioned.class})
    void local(Object event) {
        if (!clustered) {
            show(event);
        }
    }

    /** Every node's events, this one's included, in the order Kafka keeps per workspace. */
    @EventListener
    void fromCluster(FromCluster delivered) {
        show(delivered.event());
    }

    /** A presence report on a single node (with Kafka on it arrives as {@link FromCluster}). */
    @EventListener
    void reported(PresenceReport report) {
        show(report);
    }

    private void show(Object event) {
        switch (event) {
            case ConversationEvents.ConversationOpened e -> conversation(e.workspaceId(), e.conversationId(), "opened");
            case ConversationEvents.MessageReceived e -> conversation(e.workspaceId(), e.conversationId(), "message");
            case ConversationEvents.ReplyQueued e -> conversation(e.workspaceId(), e.conversationId(), "message");
            case ConversationEvents.DeliveryUpdated e -> conversation(e.workspaceId(), e.conversationId(), "delivery");
            case ConversationEvents.ConversationAssigned e -> conversation(e.workspaceId(), e.conversationId(), "assigned");
            case ConversationEvents.StatusChanged e -> conversation(e.workspaceId(), e.conversationId(), "status");
            case ConversationEvents.PriorityChanged e -> conversation(e.workspaceId(), e.conversationId(), "priority");
            case ConversationEvents.TagsChanged e -> conversation(e.workspaceId(), e.conversationId(), "tags");
            case ConversationEvents.NoteAdded e -> conversation(e.workspaceId(), e.conversationId(), "note");
            // a ringing call pops the caller's profile: in the console of the agent it is meant for, else in every console
            case ChannelEvents.CallRinging e ->
                    publish(e.workspaceId(), e.agentId(), "call", call(e.callId(), e.conversationId(), "RINGING"));
            case ChannelEvents.CallAnswered e -> {
                if (e.agentId() != null) {
                    publish(e.workspaceId(), e.agentId(), "call", call(e.callId(), e.conversationId(), "ANSWERED"));
                }
            }
            case ChannelEvents.CallEnded e -> {
                if (e.agentId() != null && "ANSWERED".equals(e.disposition())) {
                    publish(e.workspaceId(), e.agentId(), "call", call(e.callId(), e.conversationId(), "ENDED"));
                }
            }
            case MentionEvents.AgentMentioned e ->
                    publish(e.workspaceId(), e.userId(), "mention", "{\"id\":" + e.conversationId() + "}");
            case PresenceReport r -> {
                if (presence.apply(r)) {
                    publish(r.workspaceId(), null, "presence", "{\"id\":" + r.conversationId() + "}");
                }
            }
            default -> {
                // SLA alerts and inbox errors also cross the cluster; no console shows them live yet
            }
        }
    }

    private static String call(long callId, long conversationId, String state) {
        return "{\"callId\":" + callId + ",\"id\":" + conversationId + ",\"state\":\"" + state + "\"}";
    }

    private void ping() {
        clients.forEach((ws, list) -> list.forEach(c -> {
            try {
                c.emitter().send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException e) {
                list.remove(c);
            }
        }));
    }

    @PreDestroy
    void close() {
        heartbeat.shutdownNow();
        clients.values().forEach(list -> list.forEach(c -> c.emitter().complete()));
        clients.clear();
    }
}
