package dev.conversa.automation;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Page;
import dev.conversa.kernel.Paging;
import dev.conversa.kernel.Role;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What admins see of automation webhooks: every webhook with the log of its attempts, the dead letters (replayable),
 * and the workspace's signing secret.
 */
@Service
public class WebhookLog {
    private final WebhookQueue queue;
    private final WebhookDispatcher dispatcher;
    private final WebhookSecrets secrets;

    WebhookLog(WebhookQueue queue, WebhookDispatcher dispatcher, WebhookSecrets secrets) {
        this.queue = queue;
        this.dispatcher = dispatcher;
        this.secrets = secrets;
    }

    /** Newest first; {@code status} and {@code ruleId} narrow the list when given. */
    public Page<WebhookDelivery> list(WebhookStatus status, Long ruleId, Paging paging, Actor actor) {
        actor.require(Role.ADMIN);
        return queue.list(actor.workspace(), status, ruleId, paging);
    }

    public WebhookDelivery get(long id, Actor actor) {
        actor.require(Role.ADMIN);
        return queue.find(actor.workspace(), id).orElseThrow(() -> new NotFoundException("automation webhook", id));
    }

    /** Every attempt, oldest first: time, the receiver's status, latency and what went wrong. */
    public List<WebhookAttempt> attempts(long id, Actor actor) {
        return queue.attempts(get(id, actor).id());
    }

    /**
     * Puts a dead letter back in the queue for a fresh series of attempts (same payload, same delivery id).
     *
     * @throws ConflictException when the webhook is not DEAD
     */
    public WebhookDelivery replay(long id, Actor actor) {
        WebhookDelivery w = get(id, actor);
        if (!queue.replay(actor.workspace(), id, Instant.now())) {
            throw new ConflictException("status", "only a DEAD webhook can be replayed; this one is " + w.status());
        }
        dispatcher.wakeAfterCommit();
        return get(id, actor);
    }

    public WebhookSecret secret(Actor actor) {
        actor.require(Role.ADMIN);
        return secrets.current(actor.workspace());
    }

    /** A new signing secret; the old one stops being used at once. */
    public WebhookSecret rotateSecret(Actor actor) {
        actor.require(Role.ADMIN);
        return secrets.rotate(actor.workspace());
    }
}
