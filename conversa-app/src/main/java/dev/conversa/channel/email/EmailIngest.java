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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decides what an inbound email is and where it goes: our own mail coming back (ignored), a bounce (marks our
 * message FAILED), an auto-reply (a note on its conversation; never reopens, never answered), or a customer's
 * message threaded by In-Reply-To/References, else by subject and sender, else a new thread.
 */
@Component
class EmailIngest {
    private static final Logger log = LoggerFactory.getLogger(EmailIngest.class);

    enum Outcome { STORED, DUPLICATE, OWN, BOUNCE, AUTO_REPLY, IGNORED }

    private final IngestionService ingestion;
    private final MessageService messages;
    private final ConversationService conversations;
    private final EmailStore store;
    private final MessageHtml formatted;

    EmailIngest(IngestionService ingestion, MessageService messages, ConversationService conversations, EmailStore store,
                MessageHtml formatted) {
        this.formatted = formatted;
        this.ingestion = ingestion;
        this.messages = messages;
        this.conversations = conversations;
        this.store = store;
    }

    Outcome accept(Inbox inbox, ParsedEmail mail) {
        long ws = inbox.workspaceId();
        String own = inbox.settings().getOrDefault("address", "").toLowerCase(java.util.Locale.ROOT);
        if (mail.messageId() != null && (EmailAdapter.isOurs(mail.messageId())
                || store.ref(inbox.id(), mail.messageId()).map(EmailStore.Ref::outbound).orElse(false))
                || !own.isEmpty() && own.equals(mail.fromAddress())) {
            return Outcome.OWN; // our own reply (a copy, or a loop through a forwarding rule)
        }
        if (mail.bounce()) {
            for (String id : mail.bouncedIds()) {
                Optional<EmailStore.Ref> ref = store.ref(inbox.id(), id).filter(EmailStore.Ref::outbound);
                if (ref.isPresent() && ref.get().messageId() != null) {
                    messages.updateDelivery(ws, ref.get().messageId(), DeliveryStatus.FAILED, "bounced: " + mail.bounceReason(),
                            null);
                    return Outcome.BOUNCE;
                }
            }
            return Outcome.IGNORED;
        }
        Optional<EmailStore.Ref> parent = mail.references().stream().map(id -> store.ref(inbox.id(), id))
                .flatMap(Optional::stream).findFirst();
        String baseSubject = EmailParser.baseSubject(mail.subject());
        Optional<String> thread = parent.map(EmailStore.Ref::threadKey)
                .or(() -> baseSubject.isEmpty() || mail.fromAddress() == null ? Optional.empty()
                        : store.threadBySubject(inbox.id(), baseSubject, mail.fromAddress(), EmailStore.recent()));
        if (mail.autoReply()) {
            parent.map(EmailStore.Ref::conversationId).filter(id -> id != null).ifPresent(c -> {
                conversations.addNote(c, "Automatic reply received from " + mail.fromAddress() + ": "
                        + (mail.subject() == null ? "" : mail.subject()), Actor.system(ws));
            });
            log.debug("Auto-reply {} from {} not ingested", mail.messageId(), mail.fromAddress());
            return Outcome.AUTO_REPLY;
        }
        if (mail.fromAddress() == null) {
            return Outcome.IGNORED;
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
}
