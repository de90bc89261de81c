package dev.conversa.channel;

import dev.conversa.conversation.Conversation;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.InboundDraft;
import dev.conversa.conversation.Message;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.NewConversation;
import dev.conversa.conversation.Priority;
import dev.conversa.customer.CustomerService;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one door every inbound message goes through. It is idempotent: a message is keyed by (inbox, external id),
 * so a provider's redelivery stores nothing new and answers with the message stored the first time.
 */
@Service
public class IngestionService {
    private static final int ATTEMPTS = 3;

    private final InboxService inboxes;
    private final CustomerService customers;
    private final ConversationService conversations;
    private final MessageService messages;
    private final TransactionTemplate tx;

    IngestionService(InboxService inboxes, CustomerService customers, ConversationService conversations,
                     MessageService messages, TransactionTemplate tx) {
        this.inboxes = inboxes;
        this.customers = customers;
        this.conversations = conversations;
        this.messages = messages;
        this.tx = tx;
    }

    public IngestResult receive(long workspaceId, long inboxId, InboundMessage inbound) {
        Inbox inbox = inboxes.find(workspaceId, inboxId).orElseThrow(() -> new NotFoundException("inbox", inboxId));
        if (inbound.author() == null || inbound.author().kind() == null) {
            throw new InvalidInputException("author", "the author's identity is required");
        }
        String externalId = blankToNull(inbound.externalId());
        for (int attempt = 1; ; attempt++) {
            Optional<IngestResult> known = externalId == null ? Optional.empty() : existing(workspaceId, inboxId, externalId);
            if (known.isPresent()) {
                return known.get();
            }
            try {
                return tx.execute(status -> store(inbox, externalId, inbound));
            } catch (DuplicateKeyException race) {
                // Another delivery of the same message, or the first message of the same new customer, won the race:
                // the transaction rolled back whole; look again.
                if (attempt >= ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    private IngestResult store(Inbox inbox, String externalId, InboundMessage inbound) {
        long ws = inbox.workspaceId();
        long customerId = customers.resolve(ws, inbound.author());
        String threadKey = blankToNull(inbound.threadKey()) == null ? "customer:" + customerId : inbound.threadKey().strip();
        Conversation conversation = conversations.findActiveByThread(ws, inbox.id(), threadKey)
                .orElseGet(() -> conversations.open(new NewConversation(inbox.id(), inbox.channel(), customerId,
                        inbound.subject(), threadKey, Priority.NORMAL, null), Actor.system(ws)));
        Message m = messages.receive(ws, conversation.id(), new InboundDraft(externalId, inbound.body(), inbound.visibility(),
                customerId, inbound.attachments(), inbound.occurredAt()));
        return new IngestResult(m.id(), conversation.id(), customerId, false);
    }

    private Optional<IngestResult> existing(long ws, long inboxId, String externalId) {
        return messages.findByExternalId(ws, inboxId, externalId).map(m -> new IngestResult(m.id(), m.conversationId(),
                m.authorId() == null ? 0 : m.authorId(), true));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
