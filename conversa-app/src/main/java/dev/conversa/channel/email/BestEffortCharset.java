package dev.conversa.channel.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Base64;
import java.util.Locale;

/**
 * Decodes text whose declared charset Java does not know or that does not match its bytes: UTF-7 (RFC 2152, still
 * sent by Exchange and Outlook.com as {@code utf-7} or {@code unicode-1-1-utf-7}) is decoded here; any other
 * unknown charset falls back to UTF-8 when the bytes are valid UTF-8, else to windows-1252, which maps every byte.
 * Used only by the lenient second parse, so a message is read rather than rejected.
 */
final class BestEffortCharset {
    private BestEffortCharset() {
    }

    static String decode(byte[] bytes, String declared) {
        String name = declared == null ? "" : declared.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
        if (name.equals("utf-7") || name.equals("unicode-1-1-utf-7") || name.equals("x-unicode-2-0-utf-7")) {
            return utf7(new String(bytes, StandardCharsets.US_ASCII));
        }
        Charset charset = known(name);
        if (charset != null) {
            return new String(bytes, charset); // malformed input becomes U+FFFD instead of an exception
        }
        return utf8OrLatin(bytes);
    }

    /** Valid UTF-8 as UTF-8, anything else as windows-1252. */
    static String utf8OrLatin(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /**
     * A header read byte by byte as ISO-8859-1 (how Jakarta Mail reads raw 8-bit headers) that is really UTF-8:
     * answered as UTF-8; otherwise unchanged.
     */
    static String repairRawHeader(String value) {
        if (value == null || value.chars().allMatch(c -> c < 0x80) || value.chars().anyMatch(c -> c > 0xFF)) {
            return value;
        }
        byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }

    private static Charset known(String name) {
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    /** RFC 2152: runs of modified base64 between '+' and '-' carry UTF-16 code units; "+-" is a plain '+'. */
    static String utf7(String in) {
        var out = new StringBuilder(in.length());
        int i = 0;
        while (i < in.length()) {
            char c = in.charAt(i);
            if (c != '+') {
                out.append(c);
                i++;
                continue;
            }
            int end = i + 1;
            while (end < in.length() && isBase64(in.charAt(end))) {
                end++;
            }
            if (end == i + 1) {
                out.append('+'); // "+-" stands for '+'; a lone '+' is kept as it is
                i = end < in.length() && in.charAt(end) == '-' ? end + 1 : end;
                continue;
            }
            String run = in.substring(i + 1, end);
            int whole = run.length() * 6 / 8 / 2 * 2; // bytes that make whole UTF-16 units; leftover bits are padding
            byte[] bytes = Base64.getDecoder().decode(pad(run));
            out.append(new String(bytes, 0, Math.min(whole, bytes.length), StandardCharsets.UTF_16BE));
            i = end < in.length() && in.charAt(end) == '-' ? end + 1 : end;
        }
        return out.toString();
    }

    /** Pads a modified-base64 run with 'A' (zero bits) to a whole number of base64 quads; the excess bits are dropped. */
    private static String pad(String run) {
        int rest = run.length() % 4;
        return rest == 0 ? run : run + "A".repeat(4 - rest);
    }

    private static boolean isBase64(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/';
    }
}
