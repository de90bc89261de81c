package dev.conversa.channel.webchat;

import dev.conversa.cluster.FromCluster;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open widget connections per visitor (server-sent events). A push only says "something new"; the widget then
 * fetches what it has not seen, so a missed push costs nothing but a little delay (the widget also polls slowly).
 * Pushes come as {@link WidgetNudge} signals, which with Kafka on reach the hub of every node.
 */
@Component
class WebchatHub {
    private final Map<Long, List<SseEmitter>> byVisitor = new ConcurrentHashMap<>();

    SseEmitter subscribe(long visitorId) {
        SseEmitter emitter = new SseEmitter(300_000L);
        List<SseEmitter> list = byVisitor.computeIfAbsent(visitorId, id -> new CopyOnWriteArrayList<>());
        list.add(emitter);
        Runnable remove = () -> list.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().name("ready").data("ok"));
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    boolean connected(long visitorId) {
        return !byVisitor.getOrDefault(visitorId, List.of()).isEmpty();
    }

    @EventListener
    void on(WidgetNudge nudge) {
        notify(nudge.visitorId());
    }

    @EventListener
    void on(FromCluster delivered) {
        if (delivered.event() instanceof WidgetNudge nudge) {
            notify(nudge.visitorId());
        }
    }

    void notify(long visitorId) {
        for (SseEmitter emitter : byVisitor.getOrDefault(visitorId, List.of())) {
            try {
                emitter.send(SseEmitter.event().name("message").data("new"));
            } catch (IOException | IllegalStateException e) {
                byVisitor.getOrDefault(visitorId, List.of()).remove(emitter);
            }
        }
    }
}
