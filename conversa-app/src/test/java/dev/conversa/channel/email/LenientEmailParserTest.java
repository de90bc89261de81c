package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Real messages the strict parse rejects (each of them used to stop the whole mailbox) are read by the lenient
 * second parse, with the text a person would see.
 */
class LenientEmailParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            mail-raw-email-with-illegal-boundary.eml          | email_test@me.nowhere            | This is an outlook test
            mail-content-transfer-encoding-qp-with-space.eml  | fyouizjnp@swissonline.ch         | If you're in need of a good RX site
            mail-content-transfer-encoding-spam.eml           | shechem@poetrix.com              | othermachine
            mail-content-transfer-encoding-x-uuencode.eml     | lpeters@pacifier.com             | Attached are the comments of the Public Generating Pool
            sisimai-lhost-outlook-01.eml                      | postmaster@mail.hotmail.example.com | Delivery to the following recipients failed.
            sisimai-rfc3464-26.eml                            | postmaster@mx451r0.example.com   | Delivery Status Notification
            spamscope-mail-malformed-1.eml                    | femucca@tin.it                   | Sent from my iPhone
            mail-utf8-headers.eml                             | jdöe@mächine.example             | body
            """)
    void whatTheStrictParseRejectsIsReadLeniently(String file, String from, String text) throws Exception {
        byte[] raw = MailCorpus.read(file);
        assertThatThrownBy(() -> EmailParser.parse(strict(raw))).as("the strict parse of " + file).isInstanceOf(Exception.class);
        ParsedEmail mail = MailIntake.read(raw);
        assertThat(mail.lenient()).isTrue();
        assertThat(mail.fromAddress()).isEqualTo(from);
        assertThat(mail.body()).contains(text);
    }

    @Test
    void aMultipartWithoutItsStartBoundaryIsReadAsItsRawTextPart() throws Exception {
        byte[] raw = MailCorpus.read("spamscope-mail-malformed-1.eml");
        assertThatThrownBy(() -> EmailParser.parse(strict(raw))).hasMessageContaining("Missing start boundary");
        assertThat(MailIntake.read(raw).body()).doesNotContain("Content-Type:");
    }

    @Test
    void aRawEightBitFileNameIsKept() throws Exception {
        byte[] raw = MailCorpus.read("mail-attachment-nonascii-filename.eml");
        assertThatThrownBy(() -> EmailParser.parse(strict(raw))).hasMessageContaining("parameter list");
        ParsedEmail mail = MailIntake.read(raw);
        assertThat(mail.attachments()).extracting(ParsedEmail.EmailAttachment::fileName).contains("ciële.txt");
    }

    @Test
    void utf7AsInRfc2152() {
        assertThat(BestEffortCharset.utf7("Hi Mom -+Jjo--!")).isEqualTo("Hi Mom -\u263A-!");
        assertThat(BestEffortCharset.utf7("+ZeVnLIqe-")).isEqualTo("\u65E5\u672C\u8A9E");
        assertThat(BestEffortCharset.utf7("A+ImIDkQ.")).isEqualTo("A\u2262\u0391.");
        assertThat(BestEffortCharset.utf7("1 +- 1 = 2")).isEqualTo("1 + 1 = 2");
        assertThat(BestEffortCharset.decode("Pedido +AOE-".getBytes(StandardCharsets.US_ASCII), "unicode-1-1-utf-7"))
                .isEqualTo("Pedido á");
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8ThenWindows1252() {
        assertThat(BestEffortCharset.decode("¿Dónde?".getBytes(StandardCharsets.UTF_8), "x-unknown")).isEqualTo("¿Dónde?");
        assertThat(BestEffortCharset.decode(new byte[] {(byte) 0xBF, 'D', (byte) 0xF3}, "x-unknown")).isEqualTo("¿Dó");
    }

    @Test
    void misspeltTransferEncodingsAreNormalised() {
        assertThat(LenientParts.encoding("quoted printable")).isEqualTo("quoted-printable");
        assertThat(LenientParts.encoding("Quoted_Printable")).isEqualTo("quoted-printable");
        assertThat(LenientParts.encoding("7-bit")).isEqualTo("binary");
        assertThat(LenientParts.encoding("base64;")).isEqualTo("base64");
        assertThat(LenientParts.encoding("x-uuencode")).isEqualTo("uuencode");
        assertThat(LenientParts.encoding("7vladi.Pimenovit")).isEqualTo("binary");
    }

    @Test
    void everyCorpusMessageIsReadByOneParseOrTheOther() {
        for (MailCorpus.Sample s : MailCorpus.samples()) {
            try {
                assertThat(MailIntake.read(s.raw()).messageId()).as(s.file()).isNotBlank();
            } catch (MailIntake.Unreadable e) {
                throw new AssertionError(s.file() + ": " + e.getMessage(), e);
            }
        }
    }

    private static MimeMessage strict(byte[] raw) throws Exception {
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }
}
