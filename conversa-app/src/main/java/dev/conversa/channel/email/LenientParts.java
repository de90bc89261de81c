package dev.conversa.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fallbacks of the lenient second parse, one per way a real message breaks Jakarta Mail's strict reading: an
 * unknown charset ({@code utf-7}), a misspelt transfer encoding ({@code quoted printable}), a parameter list it cannot
 * tokenise (a raw 8-bit file name, an unquoted {@code =} in a boundary), a multipart whose boundary never appears.
 * Each answers the best it can read from the raw bytes instead of throwing.
 */
final class LenientParts {
    private static final Pattern BOUNDARY = Pattern.compile("(?i)\\bboundary\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))");
    private static final Pattern SUBTYPE = Pattern.compile("(?i)^\\s*multipart\\s*/\\s*([a-z0-9.+-]+)");
    private static final Pattern CHARSET = Pattern.compile("(?i)\\bcharset\\s*=\\s*(\"([^\"]*)\"|([^;\\s]+))");
    private static final Pattern FILE_NAME = Pattern.compile("(?i)\\b(?:file)?name\\*?\\s*=\\s*(\"([^\"]*)\"|([^;\\r\\n]+))");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:@]+@[^\\s<>\"'(),;:@]+\\.[^\\s<>\"'(),;:@]+");
    private static final Pattern TEXT_SECTION = section("plain");
    private static final Pattern HTML_SECTION = section("html");

    private LenientParts() {
    }

    /** A part's body inside raw multipart text: after its Content-Type: text/... header block, up to the next "--". */
    private static Pattern section(String subtype) {
        return Pattern.compile("(?is)content-type:\\s*text/" + subtype
                + "[^\\n]*\\n(?:[ \\t][^\\n]*\\n|[a-z-]+:[^\\n]*\\n)*\\n(.*?)(?=\\n--\\S|\\z)");
    }

    /** The multipart's parts, with its boundary repaired if the header could not be parsed; {@code null} if none. */
    static Multipart multipart(Part part) {
        try {
            Multipart mp = (Multipart) part.getContent();
            mp.getCount(); // parses it now, so a broken structure fails here
            return mp;
        } catch (MessagingException | IOException | RuntimeException strict) {
            String header = header(part, "Content-Type");
            Matcher b = header == null ? null : BOUNDARY.matcher(header);
            if (b == null || !b.find()) {
                return null;
            }
            String boundary = b.group(2) != null ? b.group(2) : b.group(3);
            Matcher sub = SUBTYPE.matcher(header);
            String type = "multipart/" + (sub.find() ? sub.group(1) : "mixed") + "; boundary=\""
                    + boundary.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            try {
                MimeMultipart repaired = new MimeMultipart(new ByteArrayDataSource(rawBody(part), type));
                return repaired.getCount() > 0 ? repaired : null;
            } catch (MessagingException | RuntimeException stillBroken) {
                return null;
            }
        }
    }

    /** The part as text: its declared charset when Java knows it, else {@link BestEffortCharset}. */
    static String text(Part part) {
        try {
            if (part.getContent() instanceof String s) {
                return s;
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            // an unknown charset or transfer encoding: decoded below from the bytes
        }
        return BestEffortCharset.decode(content(part), charset(part));
    }

    /**
     * Text of a part that has no readable structure: the first {@code text/plain} section found in its raw body
     * (a multipart whose boundary is missing still has its parts' headers), else the first {@code text/html}
     * section as text, else the whole raw body.
     */
    static String rawText(Part part) {
        String raw = BestEffortCharset.utf8OrLatin(rawBody(part)).replace("\r\n", "\n");
        Matcher text = TEXT_SECTION.matcher(raw);
        if (text.find()) {
            return text.group(1).strip();
        }
        Matcher html = HTML_SECTION.matcher(raw);
        return html.find() ? EmailParser.htmlToText(html.group(1)) : raw.strip();
    }

    /** The part's bytes with the transfer encoding undone; an unknown encoding name is normalised first, else raw. */
    static byte[] content(Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        } catch (MessagingException | IOException | RuntimeException e) {
            byte[] raw = rawBody(part);
            String encoding = encoding(header(part, "Content-Transfer-Encoding"));
            try (InputStream decoded = MimeUtility.decode(new ByteArrayInputStream(raw), encoding)) {
                return decoded.readAllBytes();
            } catch (MessagingException | IOException | RuntimeException undecodable) {
                return raw;
            }
        }
    }

    static String fileName(Part part) {
        try {
            String name = part.getFileName();
            return name == null ? null : MimeUtility.decodeText(BestEffortCharset.repairRawHeader(name));
        } catch (MessagingException | IOException | RuntimeException e) {
            for (String h : new String[] {"Content-Disposition", "Content-Type"}) {
                String value = header(part, h);
                Matcher m = value == null ? null : FILE_NAME.matcher(value);
                if (m != null && m.find()) {
                    return BestEffortCharset.repairRawHeader((m.group(2) != null ? m.group(2) : m.group(3)).strip());
                }
            }
            return null;
        }
    }

    static String disposition(Part part) {
        try {
            return part.getDisposition();
        } catch (MessagingException | RuntimeException e) {
            String value = header(part, "Content-Disposition");
            return value == null ? null : value.split(";")[0].strip().toLowerCase(Locale.ROOT);
        }
    }

    /** The first sender, from a From header too malformed for strict address parsing. */
    static InternetAddress from(MimeMessage m) {
        String value = BestEffortCharset.repairRawHeader(header(m, "From"));
        if (value == null) {
            value = BestEffortCharset.repairRawHeader(header(m, "Sender"));
        }
        if (value == null) {
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
            if (parsed.length > 0 && parsed[0].getAddress() != null && parsed[0].getAddress().contains("@")) {
                return parsed[0];
            }
        } catch (MessagingException | RuntimeException e) {
            // below: the first thing that looks like an address
        }
        Matcher found = ADDRESS.matcher(value);
        if (!found.find()) {
            return null;
        }
        InternetAddress address = new InternetAddress();
        address.setAddress(found.group());
        return address;
    }

    static String header(Part part, String name) {
        try {
            String[] values = part.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String charset(Part part) {
        String type = header(part, "Content-Type");
        Matcher m = type == null ? null : CHARSET.matcher(type);
        return m != null && m.find() ? (m.group(2) != null ? m.group(2) : m.group(3)) : null;
    }

    /** "quoted printable", "Quoted_Printable", "7-bit", "base-64; " ... as the names MimeUtility knows. */
    static String encoding(String declared) {
        if (declared == null) {
            return "binary";
        }
        String e = declared.strip().replace("\"", "").toLowerCase(Locale.ROOT).replaceAll("[;\\s].*$|[\\s_]", "");
        String squeezed = declared.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (squeezed.startsWith("quotedprintable") || squeezed.equals("qp")) {
            return "quoted-printable";
        }
        if (squeezed.startsWith("base64")) {
            return "base64";
        }
        if (squeezed.startsWith("xuuencode") || squeezed.startsWith("uuencode")) {
            return "uuencode";
        }
        return switch (e) {
            case "7bit", "8bit", "binary", "quoted-printable", "base64", "uuencode", "x-uuencode", "x-uue" -> e;
            default -> "binary";
        };
    }

    private static byte[] rawBody(Part part) {
        try {
            InputStream raw = part instanceof MimeBodyPart b ? b.getRawInputStream()
                    : part instanceof MimeMessage m ? m.getRawInputStream() : part.getInputStream();
            try (raw) {
                return raw.readAllBytes();
            }
        } catch (MessagingException | IOException | RuntimeException e) {
            return new byte[0];
        }
    }
}
