package dev.conversa.channel.email;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Sends a one-off email through an email inbox's SMTP: the widget's follow-up when the visitor has left. */
@Component
public class EmailFollowUps {
    private final InboxService inboxes;

    EmailFollowUps(InboxService inboxes) {
        this.inboxes = inboxes;
    }

    /** Throws {@link MessagingException} when the mail server does not take it (the caller retries). */
    public void send(long workspaceId, long emailInboxId, String to, String toName, String subject, String body)
            throws MessagingException {
        Inbox inbox = inboxes.find(workspaceId, emailInboxId)
                .orElseThrow(() -> new MessagingException("follow-up email inbox " + emailInboxId + " not found"));
        String password = inboxes.secrets(workspaceId, emailInboxId).get("password");
        Session session = MailSessions.smtp(inbox, password != null);
        try {
            MimeMessage mail = new MimeMessage(session);
            EmailSettings settings = EmailSettings.of(inbox);
            mail.setFrom(new InternetAddress(settings.address(), settings.fromName() == null ? inbox.name() : settings.fromName(),
                    StandardCharsets.UTF_8.name()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to, toName, StandardCharsets.UTF_8.name()));
            mail.setSubject(subject, StandardCharsets.UTF_8.name());
            mail.setText(body, StandardCharsets.UTF_8.name());
            mail.setSentDate(new Date());
            try (Transport transport = session.getTransport(MailSessions.smtpProtocol(inbox))) {
                if (password != null) {
                    transport.connect(MailSessions.username(inbox), password);
                } else {
                    transport.connect();
                }
                mail.saveChanges();
                transport.sendMessage(mail, mail.getAllRecipients());
            }
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException(e.getMessage(), e);
        }
    }
}
