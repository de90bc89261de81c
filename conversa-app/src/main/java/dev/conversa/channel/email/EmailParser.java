package dev.conversa.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.conversa.conversation.MessageHtml;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * Turns a MIME message into a {@link ParsedEmail}: the plain-text body (HTML sanitised and converted when there is
 * no text part) with quoted history folded away, attachments, threading headers, and what kind of automatic mail it
 * is ({@link AutomaticMailClassifier}). Strict first; {@link #parseLeniently} is the second chance.
 */
final class EmailParser {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?im)^\\s*(On .{1,200}wrote:|El .{1,200}escribi[oó]:|-{2,}\\s*(Original Message|Mensaje original)\\s*-{2,}|"
                    + "_{10,}\\s*$)");
    private static final Pattern DSN_FIELD = Pattern.compile("(?im)^(Diagnostic-Code|Status|Action):\\s*(.+)$");
    private static final Pattern RETURNED_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");
    private static final Pattern OUTLOOK_HEADER = Pattern.compile("(?m)^(From|De):\\s.+\\R(Sent|Enviado(?: el)?|Date|Fecha):\\s");

    private EmailParser() {
    }

    /** Strict reading: throws when Jakarta Mail cannot read the message as its headers declare it. */
    static ParsedEmail parse(MimeMessage m) throws MessagingException, IOException {
        return parse(m, false);
    }

    /**
     * The second reading, for what the strict one rejects: broken structure, unknown charsets and encodings,
     * unparseable parameters and addresses are read as well as they can be (see {@link LenientParts}).
     */
    static ParsedEmail parseLeniently(MimeMessage m) throws MessagingException, IOException {
        return parse(m, true);
    }

    /** What the walk over the parts collects. */
    private static final class Found {
        final StringBuilder text = new StringBuilder();
        final StringBuilder html = new StringBuilder();
        final List<ParsedEmail.EmailAttachment> attachments = new ArrayList<>();
        final List<String> bounced = new ArrayList<>();
        final StringBuilder bounceReason = new StringBuilder();
        final List<String> dsnActions = new ArrayList<>();
        boolean deliveryStatus;
        boolean feedbackReport;
        boolean dispositionNotification;
    }

    private static ParsedEmail parse(MimeMessage m, boolean lenient) throws MessagingException, IOException {
        Found found = new Found();
        walk(m, found, lenient);

        String body = found.text.length() > 0 ? found.text.toString() : htmlToText(found.html.toString());
        body = foldQuotedHistory(body.replace("\r\n", "\n")).strip();

        List<String> references = new ArrayList<>();
        ids(m.getHeader("In-Reply-To", " ")).forEach(references::add);
        List<String> refs = ids(m.getHeader("References", " "));
        for (int i = refs.size() - 1; i >= 0; i--) {
            if (!references.contains(refs.get(i))) {
                references.add(refs.get(i));
            }
        }
        InternetAddress from = lenient ? LenientParts.from(m)
                : m.getFrom() == null || m.getFrom().length == 0 ? null : (InternetAddress) m.getFrom()[0];
        String fromAddress = from == null || from.getAddress() == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
        // Raw 8-bit headers (RFC 6532) are read as ISO-8859-1: repaired to UTF-8 when that is what they are.
        String subject = BestEffortCharset.repairRawHeader(m.getSubject());
        String contentType = lenient ? LenientParts.header(m, "Content-Type") : m.getContentType();
        var kind = AutomaticMailClassifier.classify(name -> LenientParts.header(m, name), contentType, subject,
                fromAddress != null ? fromAddress : LenientParts.header(m, "From"),
                new AutomaticMailClassifier.Reports(found.dsnActions, found.deliveryStatus, found.feedbackReport,
                        found.dispositionNotification));
        if (kind != null && kind.kind() != MailKind.OUT_OF_OFFICE && kind.kind() != MailKind.AUTO_REPLY) {
            found.bounced.addAll(references);
        }
        java.util.Date sent = sentDate(m, lenient);
        List<String> declared = ids(m.getMessageID());
        String messageId = declared.isEmpty() ? syntheticId(fromAddress, sent, subject, body) : declared.getFirst();
        return new ParsedEmail(messageId, references, subject, fromAddress,
                from == null ? null : BestEffortCharset.repairRawHeader(from.getPersonal()),
                body, found.attachments, kind == null ? null : kind.kind(), kind == null ? null : kind.signal(),
                List.copyOf(new LinkedHashSet<>(found.bounced)),
                found.bounceReason.isEmpty() ? "the message bounced" : found.bounceReason.toString().strip(),
                sent == null ? Instant.now() : sent.toInstant(), formatted(found.html.toString()), lenient);
    }

    private static java.util.Date sentDate(MimeMessage m, boolean lenient) throws MessagingException {
        try {
            return m.getSentDate();
        } catch (MessagingException | RuntimeException e) {
            if (lenient) {
                return null;
            }
            throw e;
        }
    }

    /** The HTML version for the console: quoted history removed, sanitised with {@link MessageHtml#SAFELIST}. */
    static String formatted(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        Document doc = Jsoup.parse(html);
        doc.select("blockquote, div.gmail_quote, #divRplyFwdMsg, #appendonsend, div.moz-cite-prefix").remove();
        return MessageHtml.sanitise(doc.body().html());
    }

    private static void walk(Part part, Found f, boolean lenient) throws MessagingException, IOException {
        String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
        String disposition = lenient ? LenientParts.disposition(part) : part.getDisposition();
        String fileName = lenient ? LenientParts.fileName(part)
                : part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
        if (part.isMimeType("multipart/*")) {
            Multipart mp = lenient ? LenientParts.multipart(part) : (Multipart) part.getContent();
            if (mp == null) {
                f.text.append(LenientParts.rawText(part)); // no parts to be found: its raw text part, or all of it
                return;
            }
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                if (alternative && child.isMimeType("text/html") && hasTextPart(mp)) {
                    // The text part is the body; the HTML part is kept (sanitised) as the formatted version.
                    f.html.append(lenient ? LenientParts.text(child) : child.getContent());
                    continue;
                }
                if (!lenient) {
                    walk(child, f, false);
                    continue;
                }
                try {
                    walk(child, f, true);
                } catch (MessagingException | IOException | RuntimeException e) {
                    f.text.append(LenientParts.rawText(child)); // one broken part does not cost the others
                }
            }
        } else if (part.isMimeType("message/delivery-status")) {
            f.deliveryStatus = true;
            String status = read(part, lenient);
            Matcher diag = DSN_FIELD.matcher(status);
            while (diag.find()) {
                if (diag.group(1).equalsIgnoreCase("Action")) {
                    f.dsnActions.add(diag.group(2).strip().split("[\\s(;]")[0].toLowerCase(Locale.ROOT));
                } else {
                    f.bounceReason.append(diag.group(1)).append(": ").append(diag.group(2).strip()).append(". ");
                }
            }
        } else if (part.isMimeType("message/feedback-report")) {
            f.feedbackReport = true;
        } else if (part.isMimeType("message/disposition-notification")) {
            f.dispositionNotification = true;
        } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")
                || part.isMimeType("text/rfc822-header") || part.isMimeType("message/rfc822-headers")) {
            // The original message of a report: its Message-ID tells which of ours it is about.
            Matcher id = RETURNED_ID.matcher(read(part, lenient));
            if (id.find()) {
                f.bounced.add(id.group(1));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null && !part.isMimeType("text/plain")
                && !part.isMimeType("text/html")) {
            byte[] content;
            if (lenient) {
                content = LenientParts.content(part);
            } else {
                try (InputStream in = part.getInputStream()) {
                    content = in.readAllBytes();
                }
            }
            f.attachments.add(new ParsedEmail.EmailAttachment(fileName == null ? "attachment" : fileName,
                    type.split(";")[0].strip(), content));
        } else if (part.isMimeType("text/plain")) {
            f.text.append(lenient ? LenientParts.text(part) : part.getContent());
        } else if (part.isMimeType("text/html")) {
            f.html.append(lenient ? LenientParts.text(part) : part.getContent());
        }
    }

    private static boolean hasTextPart(Multipart mp) throws MessagingException {
        for (int i = 0; i < mp.getCount(); i++) {
            if (mp.getBodyPart(i).isMimeType("text/plain")) {
                return true;
            }
        }
        return false;
    }

    private static String read(Part part, boolean lenient) throws MessagingException, IOException {
        Object content;
        try {
            content = part.getContent();
        } catch (MessagingException | IOException | RuntimeException e) {
            if (!lenient) {
                throw e;
            }
            return LenientParts.text(part);
        }
        if (content instanceof MimeMessage inner) {
            var out = new StringBuilder();
            var headers = inner.getAllHeaderLines();
            while (headers.hasMoreElements()) {
                out.append(headers.nextElement()).append('\n');
            }
            return out.toString();
        }
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sanitises the HTML (scripts, styles, handlers gone) and keeps its text with paragraph breaks. */
    static String htmlToText(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parse(Jsoup.clean(html, "", Safelist.relaxed().removeTags("img")));
        doc.select("blockquote, div.gmail_quote, #divRplyFwdMsg, #appendonsend, div.moz-cite-prefix").remove();
        doc.select("br").after("\\n");
        doc.select("p, div, li, tr, h1, h2, h3, h4").before("\\n");
        for (Element a : doc.select("a[href]")) {
            if (!a.text().equals(a.attr("href"))) {
                a.appendText(" (" + a.attr("href") + ")");
            }
        }
        return doc.text().replace("\\n", "\n").replaceAll("[ \\t]*\\n[ \\t]*", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /** Folds the quoted history away: the "On ... wrote:" line and everything under it, and trailing "&gt;" lines. */
    static String foldQuotedHistory(String body) {
        String out = body;
        Matcher q = QUOTE_HEADER.matcher(out);
        if (q.find() && q.start() > 0) {
            out = out.substring(0, q.start());
        }
        Matcher outlook = OUTLOOK_HEADER.matcher(out);
        if (outlook.find() && outlook.start() > 0) {
            out = out.substring(0, outlook.start());
        }
        List<String> lines = new ArrayList<>(List.of(out.split("\n", -1)));
        while (!lines.isEmpty() && (lines.getLast().startsWith(">") || lines.getLast().isBlank())) {
            lines.removeLast();
        }
        return String.join("\n", lines);
    }

    static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        var out = new LinkedHashSet<String>();
        Matcher m = MESSAGE_ID.matcher(header);
        while (m.find()) {
            out.add(m.group());
        }
        return List.copyOf(out);
    }

    /** Mail without a Message-ID still needs a stable key, so a redelivery is recognised. */
    private static String syntheticId(String from, java.util.Date date, String subject, String body) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest((from + "|" + date + "|" + subject + "|" + body)
                    .getBytes(StandardCharsets.UTF_8));
            return "<" + java.util.HexFormat.of().formatHex(hash, 0, 16) + "@no-message-id.conversa>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For tests: parses raw RFC 5322 text. */
    static ParsedEmail parse(String raw) throws MessagingException, IOException {
        return parse(new MimeMessage(jakarta.mail.Session.getInstance(new Properties()),
                new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
    }

    /** Strips Re:, RE:, Fwd:, AW:, RV: prefixes, for the subject + sender fallback of threading. */
    static String baseSubject(String subject) {
        if (subject == null) {
            return "";
        }
        String s = subject.strip();
        String previous;
        do {
            previous = s;
            s = s.replaceFirst("(?i)^(re|fwd?|aw|rv|sv|res)\\s*(\\[\\d+])?\\s*:\\s*", "").strip();
        } while (!s.equals(previous));
        return s.toLowerCase(Locale.ROOT);
    }
}
