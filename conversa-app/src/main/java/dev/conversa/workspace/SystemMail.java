package dev.conversa.workspace;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The installation's own mail (invitations, password resets), sent through the SMTP server of Spring Boot's
 * {@code spring.mail.*} settings ({@code SPRING_MAIL_HOST}, {@code SPRING_MAIL_PORT}, {@code SPRING_MAIL_USERNAME},
 * {@code SPRING_MAIL_PASSWORD}) from {@code conversa.mail.from}. Not the channels' mail: an email inbox sends its
 * conversations through its own SMTP account. Without {@code spring.mail.host} nothing is sent, and the pages that
 * would have mailed a link show it to the admin instead.
 */
@Component
class SystemMail {
    private static final Logger log = LoggerFactory.getLogger(SystemMail.class);

    /** What became of a mail: sent, not configured, or failed (with the server's reason). */
    record Outcome(boolean sent, String error) {
        static final Outcome SENT = new Outcome(true, null);
        static final Outcome NOT_CONFIGURED = new Outcome(false, null);
    }

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;

    SystemMail(ObjectProvider<JavaMailSender> sender, @Value("${conversa.mail.from:conversa@localhost}") String from) {
        this.sender = sender;
        this.from = from;
    }

    boolean configured() {
        return sender.getIfAvailable() != null;
    }

    Outcome send(String to, String subject, String text, Locale locale) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return Outcome.NOT_CONFIGURED;
        }
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, false);
            message.setHeader("Content-Language", locale.getLanguage());
            message.setHeader("Auto-Submitted", "auto-generated");
            mail.send(message);
            return Outcome.SENT;
        } catch (MessagingException | MailException e) {
            log.warn("system mail to {} not sent: {}", to, e.getMessage());
            return new Outcome(false, e.getMessage());
        }
    }
}
