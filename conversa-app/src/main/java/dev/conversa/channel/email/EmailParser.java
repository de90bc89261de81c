package dev.conversa.channel.email;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
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
 * no text part) with quoted history folded away, attachments, threading headers, and whether a machine sent it.
 */
final class EmailParser {
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Pattern QUOTE_HEADER = Pattern.compile(
            "(?im)^\\s*(On .{1,200}wrote:|El .{1,200}escribi[oó]:|-{2,}\\s*(Original Message|Mensaje original)\\s*-{2,}|"
                    + "_{10,}\\s*$)");
    private static final Pattern OUTLOOK_HEADER = Pattern.compile("(?m)^(From|De):\\s.+\\R(Sent|Enviado(?: el)?|Date|Fecha):\\s");

    private EmailParser() {
    }

    static ParsedEmail parse(MimeMessage m) throws MessagingException, IOException {
        var text = new StringBuilder();
        var html = new StringBuilder();
        List<ParsedEmail.EmailAttachment> attachments = new ArrayList<>();
        List<String> bounced = new ArrayList<>();
        StringBuilder bounceReason = new StringBuilder();
        walk(m, text, html, attachments, bounced, bounceReason);

        String body = text.length() > 0 ? text.toString() : htmlToText(html.toString());
        body = foldQuotedHistory(body.replace("\r\n", "\n")).strip();

        List<String> references = new ArrayList<>();
        String inReplyTo = m.getHeader("In-Reply-To", " ");
        ids(inReplyTo).forEach(references::add);
        List<String> refs = ids(m.getHeader("References", " "));
        for (int i = refs.size() - 1; i >= 0; i--) {
            if (!references.contains(refs.get(i))) {
                references.add(refs.get(i));
            }
        }
        InternetAddress from = m.getFrom() == null || m.getFrom().length == 0 ? null : (InternetAddress) m.getFrom()[0];
        String fromAddress = from == null ? null : from.getAddress().toLowerCase(Locale.ROOT);
        String contentType = m.getContentType() == null ? "" : m.getContentType().toLowerCase(Locale.ROOT);
        boolean bounce = contentType.contains("multipart/report") && contentType.contains("delivery-status")
                || fromAddress != null && (fromAddress.startsWith("mailer-daemon@") || fromAddress.startsWith("postmaster@"));
        if (bounce) {
            bounced.addAll(references);
        }
        List<String> declared = ids(m.getMessageID());
        String messageId = declared.isEmpty() ? syntheticId(fromAddress, m.getSentDate(), m.getSubject(), body) : declared.getFirst();
        return new ParsedEmail(messageId, references, m.getSubject(), fromAddress, from == null ? null : from.getPersonal(),
                body, attachments, !bounce && isAutoReply(m), bounce, bounced,
                bounceReason.isEmpty() ? "the message bounced" : bounceReason.toString().strip(),
                m.getSentDate() == null ? Instant.now() : m.getSentDate().toInstant(), formatted(html.toString()));
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

    /**
     * RFC 3834 Auto-Submitted, Precedence bulk/junk/list, and the vendor headers of common auto-responders
     * (Exchange, Gmail vacation responder).
     */
    static boolean isAutoReply(Message m) throws MessagingException {
        String autoSubmitted = header(m, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.strip().equalsIgnoreCase("no")) {
            return true;
        }
        String precedence = header(m, "Precedence");
        if (precedence != null && precedence.toLowerCase(Locale.ROOT).matches("\\s*(bulk|junk|list|auto_reply)\\s*")) {
            return true;
        }
        return header(m, "X-Autoreply") != null || header(m, "X-Autorespond") != null
                || header(m, "X-MS-Exchange-Generated-Message-Source") != null
                || header(m, "List-Id") != null || header(m, "List-Unsubscribe") != null;
    }

    private static void walk(Part part, StringBuilder text, StringBuilder html, List<ParsedEmail.EmailAttachment> attachments,
                             List<String> bounced, StringBuilder bounceReason) throws MessagingException, IOException {
        String type = part.getContentType() == null ? "text/plain" : part.getContentType().toLowerCase(Locale.ROOT);
        String disposition = part.getDisposition();
        String fileName = part.getFileName() == null ? null : MimeUtility.decodeText(part.getFileName());
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart child = mp.getBodyPart(i);
                if (alternative && child.isMimeType("text/html") && hasTextPart(mp)) {
                    // The text part is the body; the HTML part is kept (sanitised) as the formatted version.
                    html.append(child.getContent());
                    continue;
                }
                walk(child, text, html, attachments, bounced, bounceReason);
            }
        } else if (part.isMimeType("message/delivery-status")) {
            String status = read(part);
            Matcher diag = Pattern.compile("(?im)^(Diagnostic-Code|Status):\\s*(.+)$").matcher(status);
            while (diag.find()) {
                bounceReason.append(diag.group(1)).append(": ").append(diag.group(2).strip()).append(". ");
            }
        } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
            // The original message of a bounce: its Message-ID tells which of ours failed.
            String headers = read(part);
            Matcher id = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)").matcher(headers);
            if (id.find()) {
                bounced.add(id.group(1));
            }
        } else if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || fileName != null && !part.isMimeType("text/plain")
                && !part.isMimeType("text/html")) {
            try (InputStream in = part.getInputStream()) {
                attachments.add(new ParsedEmail.EmailAttachment(fileName == null ? "attachment" : fileName,
                        type.split(";")[0].strip(), in.readAllBytes()));
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
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

    private static String read(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
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

    private static String header(Message m, String name) throws MessagingException {
        String[] values = m.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
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
