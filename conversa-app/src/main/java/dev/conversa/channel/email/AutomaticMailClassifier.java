package dev.conversa.channel.email;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Tells automatic mail from a person's mail, from the standard reports first (RFC 8098 MDN, RFC 5965 ARF, RFC 3464
 * DSN), then the headers machines set (RFC 3834 {@code Auto-Submitted}, {@code X-Failed-Recipients},
 * {@code X-Apple-Action}, {@code X-Autoreply}, {@code X-Autorespond}, {@code X-Auto-Response-Suppress},
 * {@code Precedence}, {@code List-Id}), then the sender (MAILER-DAEMON, postmaster) and last the subject lines of
 * Exchange/Outlook, Gmail, iCloud, Yahoo, Postfix, Exim, Sendmail, qmail and Amazon SES in English, Spanish, German,
 * French and Portuguese: the subject comes last because clients localise it and no list of them is ever complete.
 */
final class AutomaticMailClassifier {
    /** The kind, and the signal it was recognised by (shown to admins, so a wrong call can be understood). */
    record Classification(MailKind kind, String signal) {
    }

    /** What the parser saw in the message's parts. */
    record Reports(List<String> dsnActions, boolean deliveryStatus, boolean feedbackReport, boolean dispositionNotification) {
    }

    private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)(@.*)?$");
    private static final Pattern DELAY_SUBJECT = Pattern.compile("(?iu)(\\(delay\\)|delivery delayed|has been delayed|"
            + "still being retried|could not send (message|mail) for past|warning: message .* delayed|delayed mail|"
            + "status notification: (delayed|warning)|^retrasad[oa]\\s*:|entrega retrasada|^verzögert\\s*:|"
            + "zustellung verzögert|^retardé\\s*:|remise différée|^atrasad[oa]\\s*:|entrega atrasada)");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?iu)(^undeliverable\\s*:|undelivered mail|"
            + "returned mail|mail delivery failed|delivery status notification \\(failure\\)|^failure notice|"
            + "delivery failure|delivery has failed|delivery notification: failed|mail system error|non[- ]?delivery|"
            + "undeliverable mail|message not delivered|could not be delivered|returned to sender|"
            + "^no se puede entregar\\s*:|^no entregado|mensaje no entregado|error de entrega|"
            + "notificación de estado de entrega \\(error\\)|^unzustellbar\\s*:|nicht zustellbar|unzustellbare nachricht|"
            + "^non remis\\s*:|^non distribuable|échec de (la )?(remise|distribution)|"
            + "^não é possível entregar\\s*:|^não entregue|mensagem não entregue|falha (na|de) entrega)");
    private static final Pattern DELIVERED_SUBJECT = Pattern.compile("(?iu)(delivery status notification \\(success\\)|"
            + "^delivered\\s*:|^relayed\\s*:|^entregado\\s*:|^zugestellt\\s*:|^remis\\s*:|^entregue\\s*:)");
    /**
     * Subjects that alone say "report from a mail server" (anchored: the MTAs put them first). The broader patterns
     * above are only trusted with another sign, because a customer may well write "my parcel was returned to sender".
     */
    private static final Pattern REPORT_SUBJECT = Pattern.compile("(?iu)^\\s*(undelivered mail returned to sender|"
            + "undeliverable\\s*:|mail delivery failed|delivery status notification \\((failure|delay|success)\\)|"
            + "returned mail\\s*:|failure notice\\s*$|warning: could not send message for past|"
            + "delayed mail \\(still being retried\\)|warning: message \\S+ delayed|"
            + "delivery notification: delivery has (failed|been delayed)|"
            + "no se puede entregar\\s*:|unzustellbar\\s*:|non remis\\s*:|não é possível entregar\\s*:)");
    private static final Pattern OUT_OF_OFFICE_SUBJECT = Pattern.compile("(?iu)^\\s*(automatic reply|auto(matic)?[- ]?reply|"
            + "autoreply|auto[- ]?response|out of (the )?office( autoreply)?|on vacation|vacation reply|away from (the )?office|"
            + "respuesta automática|respuesta automatica|fuera de la oficina|fuera de oficina|ausente|de vacaciones|"
            + "abwesenheitsnotiz|automatische antwort|abwesend|außer haus|im urlaub|"
            + "réponse automatique|reponse automatique|absence|absent du bureau|en congés?|"
            + "resposta automática|resposta automatica|ausente do escritório|fora do escritório|de férias)\\s*(:|$)");

    private AutomaticMailClassifier() {
    }

    /**
     * @param header       the first value of a header, {@code null} when absent
     * @param contentType  the top-level Content-Type, lower case
     * @param subject      the decoded subject
     * @param from         the sender address (lower case), or the raw From header when it is not an address
     * @return {@code null} for a person's mail
     */
    static Classification classify(Function<String, String> header, String contentType, String subject, String from,
                                   Reports reports) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String subj = subject == null ? "" : subject.strip();
        if (type.contains("disposition-notification") || reports.dispositionNotification()) {
            return new Classification(MailKind.READ_RECEIPT, "RFC 8098 disposition notification");
        }
        if (type.contains("feedback-report") || reports.feedbackReport()) {
            return new Classification(MailKind.FEEDBACK_REPORT, "RFC 5965 feedback report");
        }
        if (type.contains("delivery-status") || reports.deliveryStatus()) {
            List<String> actions = reports.dsnActions();
            if (actions.contains("failed")) {
                return new Classification(MailKind.BOUNCE, "RFC 3464 DSN, Action: failed");
            }
            if (actions.contains("delayed")) {
                return new Classification(MailKind.DELAY, "RFC 3464 DSN, Action: delayed");
            }
            if (actions.stream().anyMatch(a -> a.equals("delivered") || a.equals("relayed") || a.equals("expanded"))) {
                return new Classification(MailKind.DELIVERY_REPORT, "RFC 3464 DSN, Action: " + actions.getFirst());
            }
            return bySubject(subj, "RFC 3464 DSN");
        }
        String failed = header.apply("X-Failed-Recipients");
        if (failed != null) {
            return new Classification(MailKind.BOUNCE, "X-Failed-Recipients: " + failed.strip());
        }
        String sender = from == null ? "" : from.strip();
        if (DAEMON.matcher(sender).matches()) {
            return bySubject(subj, "sender " + sender);
        }
        if (REPORT_SUBJECT.matcher(subj).find()) {
            return bySubject(subj, "subject");
        }
        String apple = header.apply("X-Apple-Action");
        if (apple != null && apple.toLowerCase(Locale.ROOT).contains("vacation")) {
            return new Classification(MailKind.OUT_OF_OFFICE, "X-Apple-Action: " + apple.strip());
        }
        if (OUT_OF_OFFICE_SUBJECT.matcher(subj).find()) {
            return new Classification(MailKind.OUT_OF_OFFICE, "subject \"" + subj + "\"");
        }
        String autoSubmitted = header.apply("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return new Classification(MailKind.AUTO_REPLY, "Auto-Submitted: " + autoSubmitted.strip());
        }
        for (String name : List.of("X-Autoreply", "X-Autorespond", "X-Auto-Response-Suppress",
                "X-MS-Exchange-Generated-Message-Source")) {
            String value = header.apply(name);
            if (value != null) {
                return new Classification(MailKind.AUTO_REPLY, name + ": " + value.strip());
            }
        }
        String precedence = header.apply("Precedence");
        String p = precedence == null ? "" : precedence.strip().toLowerCase(Locale.ROOT);
        if (p.equals("auto_reply")) {
            return new Classification(MailKind.AUTO_REPLY, "Precedence: auto_reply");
        }
        if (p.equals("bulk") || p.equals("junk") || p.equals("list")) {
            return new Classification(MailKind.BULK, "Precedence: " + p);
        }
        if (header.apply("List-Id") != null || header.apply("List-Unsubscribe") != null) {
            return new Classification(MailKind.BULK, header.apply("List-Id") != null ? "List-Id" : "List-Unsubscribe");
        }
        return null;
    }

    /** A report whose kind its subject tells: delayed, delivered, or (the default for a report) failed. */
    private static Classification bySubject(String subject, String signal) {
        if (DELAY_SUBJECT.matcher(subject).find()) {
            return new Classification(MailKind.DELAY, signal + ", subject \"" + subject + "\"");
        }
        if (DELIVERED_SUBJECT.matcher(subject).find()) {
            return new Classification(MailKind.DELIVERY_REPORT, signal + ", subject \"" + subject + "\"");
        }
        return new Classification(MailKind.BOUNCE, BOUNCE_SUBJECT.matcher(subject).find()
                ? signal + ", subject \"" + subject + "\"" : signal);
    }
}
