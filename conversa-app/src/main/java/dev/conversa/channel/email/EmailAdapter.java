package dev.conversa.channel.email;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.DeliveryResult;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.OutboundMessage;
import dev.conversa.customer.IdentityKind;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Media;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Email replies over SMTP. Each reply gets a Message-ID derived from the message id, so a resend after a crash
 * carries the same id (mail clients fold duplicates) and the customer's answer threads back to the conversation;
 * In-Reply-To and References point at the customer's mail and the conversation's history, and the From name is
 * the agent's.
 */
@Component
class EmailAdapter implements ChannelAdapter {
    static final ChannelCapabilities CAPABILITIES = new ChannelCapabilities(false, true, true, 0, false, false, null);
    private static final String ID_PREFIX = "<conversa.";

    private final EmailStore store;
    private final InboxService inboxes;

    EmailAdapter(EmailStore store, InboxService inboxes) {
        this.store = store;
        this.inboxes = inboxes;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public ChannelCapabilities capabilities() {
        return CAPABILITIES;
    }

    @Override
    public IdentityKind identityKind() {
        return IdentityKind.EMAIL;
    }

    @Override
    public Media media() {
        return Media.EMAIL;
    }

    @Override
    public List<ChannelSetting> settings() {
        return EmailSettings.SPEC;
    }

    static boolean isOurs(String messageId) {
        return messageId != null && messageId.startsWith(ID_PREFIX) && messageId.contains(".reply@");
    }

    static String messageIdFor(long workspaceId, long messageId, String address) {
        String domain = address == null || !address.contains("@") ? "conversa.local" : address.substring(address.indexOf('@') + 1);
        return ID_PREFIX + workspaceId + "." + messageId + ".reply@" + domain + ">";
    }

    @Override
    public DeliveryResult send(OutboundMessage message) {
        Inbox inbox = message.inbox();
        EmailSettings settings = EmailSettings.of(inbox);
        String address = settings.address();
        if (message.recipient() == null) {
            return new DeliveryResult.Failed("the customer has no email address");
        }
        if (address == null || settings.smtpHost() == null) {
            return new DeliveryResult.Failed("the inbox needs the settings address and smtpHost");
        }
        String password = message.secrets().get("password");
        Session session = MailSessions.smtp(inbox, password != null);
        String id = messageIdFor(message.workspaceId(), message.messageId(), address);
        try {
            MimeMessage mail = new FixedIdMessage(session, id);
            String inboxName = settings.fromName() == null ? inbox.name() : settings.fromName();
            String fromName = message.authorName() == null ? inboxName : message.authorName() + " (" + inboxName + ")";
            mail.setFrom(new InternetAddress(address, fromName, StandardCharsets.UTF_8.name()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient().value(),
                    message.recipient().displayName(), StandardCharsets.UTF_8.name()));
            mail.setSubject(replySubject(message.subject()), StandardCharsets.UTF_8.name());
            List<String> history = new ArrayList<>(store.conversationIds(message.conversationId()));
            history.remove(id);
            if (message.replyToExternalId() != null) {
                mail.setHeader("In-Reply-To", message.replyToExternalId());
            } else if (!history.isEmpty()) {
                mail.setHeader("In-Reply-To", history.getLast());
            }
            if (!history.isEmpty()) {
                List<String> refs = history.size() > 20
                        ? concat(history.getFirst(), history.subList(history.size() - 19, history.size())) : history;
                mail.setHeader("References", String.join(" ", refs));
            }
            mail.setText(message.body() == null ? "" : message.body(), StandardCharsets.UTF_8.name());
            mail.setSentDate(new Date());
            // Remembered before sending: the customer's answer (or a bounce) must find its way back even if we crash now.
            store.remember(message.workspaceId(), inbox.id(), id, message.threadKey() == null ? id : message.threadKey(),
                    message.conversationId(), message.messageId(), true, EmailParser.baseSubject(message.subject()),
                    message.recipient().value().toLowerCase(Locale.ROOT));
            try (Transport transport = session.getTransport(MailSessions.smtpProtocol(inbox))) {
                if (password != null) {
                    transport.connect(MailSessions.username(inbox), password);
                } else {
                    transport.connect();
                }
                mail.saveChanges();
                transport.sendMessage(mail, mail.getAllRecipients());
            }
            return new DeliveryResult.Sent(id);
        } catch (AuthenticationFailedException e) {
            inboxes.reportError(inbox.workspaceId(), inbox.id(), "SMTP login failed: " + e.getMessage());
            return new DeliveryResult.RetryLater("SMTP login failed: " + e.getMessage(), null);
        } catch (SendFailedException e) {
            return e.getInvalidAddresses() != null && e.getInvalidAddresses().length > 0
                    ? new DeliveryResult.Failed("rejected recipient: " + e.getMessage())
                    : new DeliveryResult.RetryLater(e.getMessage(), null);
        } catch (MessagingException | UnsupportedEncodingException e) {
            return new DeliveryResult.RetryLater("SMTP: " + e.getMessage(), null);
        }
    }

    static String replySubject(String subject) {
        if (subject == null || subject.isBlank()) {
            return "Re: your message";
        }
        return subject.strip().matches("(?i)^re\\s*:.*") ? subject.strip() : "Re: " + subject.strip();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> out = new ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }

    /** Keeps our Message-ID: {@link MimeMessage#saveChanges()} would otherwise replace it with a random one. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
