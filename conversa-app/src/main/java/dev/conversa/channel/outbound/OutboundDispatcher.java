package dev.conversa.channel.outbound;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCatalog;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.channel.OutboundRetries;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationEvents.ReplyQueued;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.Direction;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.customer.Customer;
import dev.conversa.customer.CustomerIdentity;
import dev.conversa.customer.CustomerService;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Backoff;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Role;
import dev.conversa.workspace.UserAccount;
import dev.conversa.workspace.UserService;
import dev.conversa.worker.QueueWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers outbound messages through their channel's adapter. Replies are queued from {@link ReplyQueued} into
 * {@code outbound_delivery} (unique per message, so a republished event queues nothing twice); a worker claims due
 * rows with a lease, calls {@link ChannelAdapter#send}, and retries temporary failures with exponential backoff.
 * On shutdown the worker stops claiming and lets sends in flight finish, so a restart sends nothing twice; a row
 * whose node died mid-send is taken over when its lease expires.
 */
@Component
class OutboundDispatcher extends QueueWorker<OutboundQueue.Delivery> implements OutboundRetries {
    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);
    private static final ChannelSetting MAX_ATTEMPTS = ChannelSetting.number("maxAttempts", null);
    private static final ChannelSetting RETRY_BACKOFF_MS = ChannelSetting.number("retryBackoffMs", null);

    private final OutboundQueue queue;
    private final ChannelCatalog channels;
    private final InboxService inboxes;
    private final MessageService messages;
    private final ConversationService conversations;
    private final CustomerService customers;
    private final UserService users;
    private final OutboundProperties properties;
    private final String owner = "node-" + UUID.randomUUID();

    OutboundDispatcher(OutboundQueue queue, ChannelCatalog channels, InboxService inboxes, MessageService messages,
                       ConversationService conversations, CustomerService customers, UserService users,
                       OutboundProperties properties) {
        // sends in flight at shutdown finish and record their outcome: a restart must not send them again
        super("outbound-dispatcher", properties.concurrency(), properties.pollInterval(), Duration.ofSeconds(15));
        this.queue = queue;
        this.channels = channels;
        this.inboxes = inboxes;
        this.messages = messages;
        this.conversations = conversations;
        this.customers = customers;
        this.users = users;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(ReplyQueued event) {
        if (event.channel() == ChannelType.API) {
            return; // ApiChannelDelivery: the customer's own system reads replies through the API
        }
        if (queue.enqueue(event.workspaceId(), event.messageId(), event.conversationId(), event.inboxId(), event.channel(),
                Instant.now())) {
            wakeAfterCommit();
        }
    }

    @Override
    @Transactional
    public Message retry(long conversationId, long messageId, Actor actor) {
        actor.require(Role.AGENT);
        long ws = actor.workspace();
        Message m = messages.find(ws, messageId).filter(x -> x.conversationId() == conversationId)
                .filter(x -> x.direction() == Direction.OUT)
                .orElseThrow(() -> new NotFoundException("message", messageId));
        if (m.deliveryStatus() != DeliveryStatus.FAILED) {
            throw new ConflictException("deliveryStatus", "only a FAILED message can be retried; this one is "
                    + m.deliveryStatus());
        }
        Instant now = Instant.now();
        if (!queue.requeue(ws, messageId, now)) {
            Conversation c = conversations.find(ws, conversationId).orElseThrow();
            queue.enqueue(ws, messageId, conversationId, m.inboxId(), c.channel(), now);
        }
        messages.updateDelivery(ws, messageId, DeliveryStatus.QUEUED, null, null);
        wakeAfterCommit();
        return messages.find(ws, messageId).orElseThrow();
    }

    /**
     * Attempts every delivery due now on the calling thread and answers how many it attempted. The background
     * worker does the same on its own; tests call this to avoid waiting.
     */
    int runOnce() {
        int attempted = 0;
        for (long id : queue.due(Instant.now(), 100)) {
            Instant now = Instant.now();
            Optional<OutboundQueue.Delivery> claimed = queue.claim(id, owner, now, now.plus(properties.lease()));
            if (claimed.isPresent()) {
                attempted++;
                deliver(claimed.get());
            }
        }
        return attempted;
    }

    private void deliver(OutboundQueue.Delivery d) {
        long ws = d.workspaceId();
        try {
            Optional<Message> found = messages.find(ws, d.messageId());
            if (found.isEmpty()) {
                queue.markFailed(d.id(), owner, "message not found", Instant.now());
                return;
            }
            Message m = found.get();
            if (m.deliveryStatus() == DeliveryStatus.SENT || m.deliveryStatus() == DeliveryStatus.DELIVERED
                    || m.deliveryStatus() == DeliveryStatus.READ) {
                queue.markSent(d.id(), owner, m.externalId(), Instant.now()); // recorded before a crash: never twice
                return;
            }
            ChannelAdapter adapter = channels.adapter(d.channel()).orElse(null);
            Inbox inbox = inboxes.find(ws, d.inboxId()).orElse(null);
            DeliveryResult result;
            if (adapter == null) {
                result = new DeliveryResult.Failed("no channel adapter for " + d.channel());
            } else if (inbox == null) {
                result = new DeliveryResult.Failed("the inbox no longer exists");
            } else {
                result = send(adapter, outbound(inbox, m));
            }
            if (result instanceof DeliveryResult.Sent) {
                recordSent(d, inbox, result);
                return;
            }
            record(d, inbox, result);
        } catch (RuntimeException e) {
            log.warn("Outbound delivery {} of message {} broke", d.id(), d.messageId(), e);
            record(d, null, new DeliveryResult.RetryLater(e.toString(), null));
        }
    }

    /** A failure to record a successful send is logged, never retried: retrying would send the message twice. */
    private void recordSent(OutboundQueue.Delivery d, Inbox inbox, DeliveryResult sent) {
        try {
            record(d, inbox, sent);
        } catch (RuntimeException e) {
            log.error("Message {} was sent but its status could not be recorded", d.messageId(), e);
        }
    }

    private static DeliveryResult send(ChannelAdapter adapter, OutboundMessage message) {
        try {
            DeliveryResult r = adapter.send(message);
            return r == null ? new DeliveryResult.RetryLater("the adapter gave no result", null) : r;
        } catch (RuntimeException e) {
            return new DeliveryResult.RetryLater(e.getClass().getSimpleName() + ": " + e.getMessage(), null);
        }
    }

    private void record(OutboundQueue.Delivery d, Inbox inbox, DeliveryResult result) {
        long ws = d.workspaceId();
        Instant now = Instant.now();
        switch (result) {
            case DeliveryResult.Sent sent -> {
                // The provider has it: from here on nothing may lead to sending it again.
                queue.markSent(d.id(), owner, sent.externalId(), now);
                try {
                    messages.updateDelivery(ws, d.messageId(), DeliveryStatus.SENT, null, sent.externalId());
                } catch (DuplicateKeyException sameProviderId) {
                    messages.updateDelivery(ws, d.messageId(), DeliveryStatus.SENT,
                            "the provider's id " + sent.externalId() + " is already on another message", null);
                }
            }
            case DeliveryResult.RetryLater later -> {
                int maxAttempts = setting(inbox, MAX_ATTEMPTS, properties.maxAttempts());
                String error = "attempt " + d.attempts() + " of " + maxAttempts + " failed: " + later.reason();
                if (d.attempts() >= maxAttempts) {
                    queue.markFailed(d.id(), owner, error, now);
                    messages.updateDelivery(ws, d.messageId(), DeliveryStatus.FAILED, error, null);
                } else {
                    Instant next = now.plus(backoff(inbox, d.attempts(), later.after()));
                    queue.markRetry(d.id(), owner, error, next, now);
                    messages.updateDelivery(ws, d.messageId(), DeliveryStatus.QUEUED, error + "; retrying", null);
                }
            }
            case DeliveryResult.Failed failed -> {
                queue.markFailed(d.id(), owner, failed.reason(), now);
                messages.updateDelivery(ws, d.messageId(), DeliveryStatus.FAILED, failed.reason(), null);
            }
        }
    }

    /** Exponential backoff with a little jitter, never sooner than the provider asked. */
    Duration backoff(Inbox inbox, int attempts, Duration providerAsked) {
        Duration initial = Duration.ofMillis(Math.max(1, setting(inbox, RETRY_BACKOFF_MS, (int) properties.initialBackoff().toMillis())));
        Duration max = properties.maxBackoff().compareTo(initial) < 0 ? initial : properties.maxBackoff();
        Duration wait = Backoff.jittered(new Backoff(initial, max).after(attempts), ThreadLocalRandom.current().nextDouble());
        return Backoff.atLeast(wait, providerAsked, Duration.ofHours(1));
    }

    private OutboundMessage outbound(Inbox inbox, Message m) {
        long ws = inbox.workspaceId();
        Conversation c = conversations.find(ws, m.conversationId()).orElseThrow();
        Customer customer = customers.get(c.customerId(), Actor.system(ws));
        // A reply an API token sent goes out under the inbox's name: "token:<name>" means nothing to a customer.
        String author = m.authorId() == null ? null
                : users.find(ws, m.authorId()).filter(UserAccount::person).map(UserAccount::name).orElse(null);
        return new OutboundMessage(ws, inbox, inboxes.secrets(ws, inbox.id()), c.id(), m.id(), recipient(customer, channels.identityKind(c.channel())),
                c.threadKey(), messages.latestInboundExternalId(ws, c.id()).orElse(null), c.subject(), m.visibility(), m.body(),
                m.attachments(), author);
    }

    /**
     * The customer's identity of the kind the conversation's channel declares (their address for email, their number
     * for SMS...), else the profile's email or phone for those kinds.
     */
    static CustomerIdentity recipient(Customer customer, IdentityKind kind) {
        return customer.identities().stream().filter(i -> i.kind() == kind).findFirst()
                .or(() -> kind == IdentityKind.EMAIL && customer.email() != null
                        ? Optional.of(new CustomerIdentity(0, IdentityKind.EMAIL, customer.email(), customer.name(), null,
                        null, null, null, customer.createdAt()))
                        : kind == IdentityKind.PHONE && customer.phone() != null
                        ? Optional.of(new CustomerIdentity(0, IdentityKind.PHONE, customer.phone(), customer.name(), null,
                        null, null, null, customer.createdAt()))
                        : Optional.empty())
                .orElse(null);
    }

    /** An inbox's override of a delivery property (any channel may carry one), else the property. */
    private static int setting(Inbox inbox, ChannelSetting setting, int fallback) {
        Integer v = inbox == null ? null : setting.readNumber(inbox.settings(), 0);
        return v == null ? fallback : v;
    }

    @Override
    protected List<Long> due(Instant now, int max) {
        return queue.due(now, max);
    }

    @Override
    protected Optional<OutboundQueue.Delivery> claim(long id, Instant now) {
        return queue.claim(id, owner, now, now.plus(properties.lease()));
    }

    @Override
    protected void process(OutboundQueue.Delivery claimed) {
        deliver(claimed);
    }
}
