package dev.conversa.channel.email;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestResult;
import dev.conversa.channel.IngestionService;
import dev.conversa.conversation.Attachment;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.DeliveryStatus;
import dev.conversa.conversation.MessageHtml;
import dev.conversa.conversation.MessageService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.Actor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Decides what an inbound email is and where it goes: our own mail coming back (ignored), automatic mail (recorded
 * in the {@link AutomaticMailLog}; a bounce also marks our message FAILED, an auto-reply adds a note to its
 * conversation; none opens, reopens or gets an answer), or a customer's message threaded by In-Reply-To/References,
 * else by subject and sender, else a new thread.
 */
@Component
class EmailIngest {
    enum Outcome { STORED, DUPLICATE, OWN, AUTOMATIC }

    /** A message that can be read but not taken in as it is (it goes to the quarantine). */
    static final class NotIngestible extends RuntimeException {
        NotIngestible(String reason) {
            super(reason);
        }
    }

    private final IngestionService ingestion;
    private final MessageService messages;
    private final ConversationService conversations;
    private final EmailStore store;
    private final MessageHtml formatted;
    private final AutomaticMailLog automatic;

    EmailIngest(IngestionService ingestion, MessageService messages, ConversationService conversations, EmailStore store,
                MessageHtml formatted, AutomaticMailLog automatic) {
        this.formatted = formatted;
        this.ingestion = ingestion;
        this.messages = messages;
        this.conversations = conversations;
        this.store = store;
        this.automatic = automatic;
    }

    Outcome accept(Inbox inbox, ParsedEmail mail) {
        long ws = inbox.workspaceId();
        String address = EmailSettings.of(inbox).address();
        String own = address == null ? "" : address.toLowerCase(java.util.Locale.ROOT);
        if (mail.messageId() != null && (EmailAdapter.isOurs(mail.messageId())
                || store.ref(inbox.id(), mail.messageId()).map(EmailStore.Ref::outbound).orElse(false))
                || !own.isEmpty() && own.equals(mail.fromAddress())) {
            return Outcome.OWN; // our own reply (a copy, or a loop through a forwarding rule)
        }
        if (mail.automatic() != null) {
            recordAutomatic(inbox, mail);
            return Outcome.AUTOMATIC;
        }
        Optional<EmailStore.Ref> parent = parent(inbox, mail);
        String baseSubject = EmailParser.baseSubject(mail.subject());
        Optional<String> thread = parent.map(EmailStore.Ref::threadKey)
                .or(() -> baseSubject.isEmpty() || mail.fromAddress() == null ? Optional.empty()
                        : store.threadBySubject(inbox.id(), baseSubject, mail.fromAddress(), EmailStore.recent()));
        if (mail.fromAddress() == null) {
            throw new NotIngestible("no sender address: the From header is missing or holds no address");
        }
        String threadKey = thread.orElse(mail.messageId() == null ? null : mail.messageId());
        List<Attachment> attachments = new ArrayList<>();
        for (ParsedEmail.EmailAttachment a : mail.attachments()) {
            long id = store.storeAttachment(ws, inbox.id(), a.fileName(), a.contentType(), a.content());
            attachments.add(new Attachment(a.fileName(), a.contentType(), a.content().length, "/channel/attachments/" + id));
        }
        String body = mail.body().isBlank() && attachments.isEmpty() ? "(empty message)" : mail.body();
        IngestResult result = ingestion.receive(ws, inbox.id(), new InboundMessage(mail.messageId(), threadKey,
                new NewIdentity(IdentityKind.EMAIL, mail.fromAddress(), mail.fromName(), null, null, null, null),
                mail.subject(), body, Visibility.PRIVATE, attachments, mail.sentAt()));
        if (!result.duplicate() && mail.html() != null) {
            formatted.store(ws, result.messageId(), mail.html()); // shown formatted (sanitised) in the console
        }
        if (mail.messageId() != null) {
            store.remember(ws, inbox.id(), mail.messageId(), threadKey == null ? mail.messageId() : threadKey,
                    result.conversationId(), result.messageId(), false, baseSubject, mail.fromAddress());
        }
        return result.duplicate() ? Outcome.DUPLICATE : Outcome.STORED;
    }

    private Optional<EmailStore.Ref> parent(Inbox inbox, ParsedEmail mail) {
        return mail.references().stream().map(id -> store.ref(inbox.id(), id)).flatMap(Optional::stream).findFirst();
    }

    /**
     * A bounce that names one of our replies marks it FAILED (a delay does not: the server is still trying); an
     * auto-reply in one of our threads leaves a note there. Everything automatic is recorded, once per Message-ID.
     */
    private void recordAutomatic(Inbox inbox, ParsedEmail mail) {
        long ws = inbox.workspaceId();
        Long conversationId = null;
        Long ourMessageId = null;
        String detail = null;
        if (mail.automatic() == MailKind.BOUNCE || mail.automatic() == MailKind.DELAY
                || mail.automatic() == MailKind.DELIVERY_REPORT) {
            detail = mail.bounceReason();
            for (String id : mail.bouncedIds()) {
                Optional<EmailStore.Ref> ref = store.ref(inbox.id(), id).filter(EmailStore.Ref::outbound);
                if (ref.isPresent() && ref.get().messageId() != null) {
                    ourMessageId = ref.get().messageId();
                    conversationId = ref.get().conversationId();
                    break;
                }
            }
        } else {
            conversationId = parent(inbox, mail).map(EmailStore.Ref::conversationId).orElse(null);
        }
        if (!automatic.record(ws, inbox.id(), mail, detail, conversationId, ourMessageId)) {
            return; // a redelivery: its effects happened the first time
        }
        if (mail.bounce() && ourMessageId != null) {
            messages.updateDelivery(ws, ourMessageId, DeliveryStatus.FAILED, "bounced: " + mail.bounceReason(), null);
        } else if ((mail.automatic() == MailKind.AUTO_REPLY || mail.automatic() == MailKind.OUT_OF_OFFICE)
                && conversationId != null) {
            conversations.addNote(conversationId, "Automatic reply received from " + mail.fromAddress() + ": "
                    + (mail.subject() == null ? "" : mail.subject()), Actor.system(ws));
        }
    }
}
