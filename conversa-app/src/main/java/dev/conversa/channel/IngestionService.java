package dev.conversa.channel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.conversa.analysis.MessageAnalysis;
import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.InboundDraft;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.NewConversation;
import dev.conversa.conversation.Priority;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.nlp.TextAnalysis;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door every inbound message goes through. It is idempotent: a message is keyed by (inbox, external id),
 * so a provider's redelivery stores nothing new and answers with the message stored the first time.
 */
@Service
public class IngestionService {
    private static final Logger log = LoggerFactory.getLogger(IngestionService.class);
    private static final int ATTEMPTS = 3;
    /** The start of a long text (an email with its quoted history) carries its language and tone. */
    private static final int ANALYSED_CHARS = 4_000;

    private final InboxService inboxes;
    private final CustomerService customers;
    private final ConversationService conversations;
    private final MessageService messages;
    private final MessageAnalysis analysis;
    private final TransactionTemplate tx;
    private static final int MAX_REMEMBERED_INBOXES = 100_000;
    private final Cache<InboxKey, ChannelType> channels = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED_INBOXES).build();

    private record InboxKey(long workspaceId, long inboxId) {
    }

    IngestionService(InboxService inboxes, CustomerService customers, ConversationService conversations,
                     MessageService messages, MessageAnalysis analysis, TransactionTemplate tx) {
        this.inboxes = inboxes;
        this.customers = customers;
        this.conversations = conversations;
        this.messages = messages;
        this.analysis = analysis;
        this.tx = tx;
    }

    public IngestResult receive(long workspaceId, long inboxId, InboundMessage inbound) {
        ChannelType channel = channelOf(workspaceId, inboxId);
        if (inbound.author() == null || inbound.author().kind() == null) {
            throw new InvalidInputException("author", "the author's identity is required");
        }
        String externalId = blankToNull(inbound.externalId());
        TextAnalysis analysed = analyse(workspaceId, inbound.body());
        // Redeliveries are rare, so a message is stored straight away and the unique key catches a redelivery. Inside
        // a caller's transaction that error would doom the caller's work, so there the stored message is looked up first.
        boolean callerTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        for (int attempt = 1; ; attempt++) {
            if (callerTransaction && externalId != null) {
                Optional<IngestResult> known = existing(workspaceId, inboxId, externalId);
                if (known.isPresent()) {
                    return known.get();
                }
            }
            try {
                return tx.execute(status -> store(workspaceId, inboxId, channel, externalId, inbound, analysed));
            } catch (DuplicateKeyException duplicate) {
                // A redelivery, or another delivery of the same message or the first message of the same new customer
                // won a race: the transaction rolled back whole. Answer with the stored message, or try again.
                Optional<IngestResult> known = callerTransaction || externalId == null ? Optional.empty()
                        : existing(workspaceId, inboxId, externalId);
                if (known.isPresent()) {
                    return known.get();
                }
                if (attempt >= ATTEMPTS) {
                    throw duplicate;
                }
            }
        }
    }

    /**
     * Language and sentiment, found before the transaction so the message and its conversation are written once
     * (an event and a listener transaction per message cost more than the analysis). A failure here loses nothing:
     * the message is stored without them.
     */
    private TextAnalysis analyse(long workspaceId, String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return analysis.analyze(workspaceId, body.length() > ANALYSED_CHARS ? body.substring(0, ANALYSED_CHARS) : body);
        } catch (RuntimeException e) {
            log.warn("Language and sentiment analysis failed; storing the message without them", e);
            return null;
        }
    }

    /**
     * The channel of a workspace's inbox; 404 when the workspace has no such inbox. An inbox is never deleted and
     * never changes workspace or channel, so the answer is remembered (for the inboxes that exist) instead of being
     * read for every message.
     */
    private ChannelType channelOf(long workspaceId, long inboxId) {
        // a missing inbox throws out of the loader, so only inboxes that exist are remembered
        return channels.get(new InboxKey(workspaceId, inboxId), key -> inboxes.find(workspaceId, inboxId)
                .orElseThrow(() -> new NotFoundException("inbox", inboxId)).channel());
    }

    private IngestResult store(long ws, long inboxId, ChannelType channel, String externalId, InboundMessage inbound,
                               TextAnalysis analysed) {
        long customerId = customers.resolve(ws, inbound.author());
        String threadKey = blankToNull(inbound.threadKey()) == null ? "customer:" + customerId : inbound.threadKey().strip();
        Conversation conversation = conversations.findActiveByThread(ws, inboxId, threadKey)
                .orElseGet(() -> conversations.open(new NewConversation(inboxId, channel, customerId,
                        inbound.subject(), threadKey, Priority.NORMAL, null), Actor.system(ws)));
        String language = analysed != null && analysed.language().isKnown() ? analysed.language().code() : null;
        String sentiment = analysed == null ? null : analysed.sentiment().label().name().toLowerCase(Locale.ROOT);
        long messageId = messages.receive(conversation, new InboundDraft(externalId, inbound.body(), inbound.visibility(),
                customerId, inbound.attachments(), inbound.occurredAt(), language, sentiment));
        return new IngestResult(messageId, conversation.id(), customerId, false);
    }

    private Optional<IngestResult> existing(long ws, long inboxId, String externalId) {
        return messages.findByExternalId(ws, inboxId, externalId).map(m -> new IngestResult(m.id(), m.conversationId(),
                m.authorId() == null ? 0 : m.authorId(), true));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
