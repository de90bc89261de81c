package dev.conversa.web;

import dev.conversa.channel.ChannelEvents;
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
 * <p>Connections live on the node that accepted them. With several nodes, the same events arrive on every node
 * through the externalised event stream (see the architecture notes), so each node updates its own consoles.
 */
@Component
class LiveUpdates {
    static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private record Client(long userId, SseEmitter emitter) {
    }

    private final Map<Long, List<Client>> clients = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("console-sse-heartbeat").factory());

    LiveUpdates() {
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

    @EventListener
    void on(ConversationEvents.ConversationOpened e) {
        conversation(e.workspaceId(), e.conversationId(), "opened");
    }

    @EventListener
    void on(ConversationEvents.MessageReceived e) {
        conversation(e.workspaceId(), e.conversationId(), "message");
    }

    @EventListener
    void on(ConversationEvents.ReplyQueued e) {
        conversation(e.workspaceId(), e.conversationId(), "message");
    }

    @EventListener
    void on(ConversationEvents.DeliveryUpdated e) {
        conversation(e.workspaceId(), e.conversationId(), "delivery");
    }

    @EventListener
    void on(ConversationEvents.ConversationAssigned e) {
        conversation(e.workspaceId(), e.conversationId(), "assigned");
    }

    @EventListener
    void on(ConversationEvents.StatusChanged e) {
        conversation(e.workspaceId(), e.conversationId(), "status");
    }

    @EventListener
    void on(ConversationEvents.PriorityChanged e) {
        conversation(e.workspaceId(), e.conversationId(), "priority");
    }

    @EventListener
    void on(ConversationEvents.TagsChanged e) {
        conversation(e.workspaceId(), e.conversationId(), "tags");
    }

    @EventListener
    void on(ConversationEvents.NoteAdded e) {
        conversation(e.workspaceId(), e.conversationId(), "note");
    }

    /** A ringing call pops the caller's profile: in the console of the agent it is meant for, else in every console. */
    @EventListener
    void on(ChannelEvents.CallRinging e) {
        publish(e.workspaceId(), e.agentId(), "call", call(e.callId(), e.conversationId(), "RINGING"));
    }

    @EventListener
    void on(ChannelEvents.CallAnswered e) {
        if (e.agentId() != null) {
            publish(e.workspaceId(), e.agentId(), "call", call(e.callId(), e.conversationId(), "ANSWERED"));
        }
    }

    @EventListener
    void on(ChannelEvents.CallEnded e) {
        if (e.agentId() != null && "ANSWERED".equals(e.disposition())) {
            publish(e.workspaceId(), e.agentId(), "call", call(e.callId(), e.conversationId(), "ENDED"));
        }
    }

    private static String call(long callId, long conversationId, String state) {
        return "{\"callId\":" + callId + ",\"id\":" + conversationId + ",\"state\":\"" + state + "\"}";
    }

    @EventListener
    void on(MentionEvents.AgentMentioned e) {
        publish(e.workspaceId(), e.userId(), "mention", "{\"id\":" + e.conversationId() + "}");
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
