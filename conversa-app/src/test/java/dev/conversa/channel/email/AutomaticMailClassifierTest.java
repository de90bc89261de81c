package dev.conversa.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every corpus message gets the class of expected-classes.tsv; plus the conventions the corpus has no sample of. */
class AutomaticMailClassifierTest {

    static Stream<MailCorpus.Sample> corpus() {
        return MailCorpus.samples().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void eachCorpusMessageIsClassifiedAsExpected(MailCorpus.Sample sample) throws Exception {
        ParsedEmail mail = MailIntake.read(sample.raw());
        assertThat(mail.automatic()).as(sample.file() + " recognised by " + mail.automaticSignal()).isEqualTo(sample.kind());
        if (mail.automatic() != null) {
            assertThat(mail.automaticSignal()).isNotBlank();
        }
    }

    @Test
    void theCorpusCoversEveryKindOfAutomaticMailTheTaskNames() {
        assertThat(MailCorpus.samples()).hasSizeGreaterThanOrEqualTo(60);
        assertThat(MailCorpus.samples().stream().map(MailCorpus.Sample::kind))
                .contains(MailKind.BOUNCE, MailKind.DELAY, MailKind.AUTO_REPLY, MailKind.OUT_OF_OFFICE,
                        MailKind.FEEDBACK_REPORT, MailKind.READ_RECEIPT, null);
    }

    @Test
    void aBounceNamesTheMessageItReturnsAndItsDiagnostic() throws Exception {
        ParsedEmail mail = MailIntake.read(MailCorpus.read("sisimai-lhost-sendmail-01.eml"));
        assertThat(mail.automatic()).isEqualTo(MailKind.BOUNCE);
        assertThat(mail.bouncedIds()).isNotEmpty();
        assertThat(mail.bounceReason()).contains("Status: 5.");
    }

    /**
     * Header and subject conventions with no sample in the public corpora: Exchange's X-Auto-Response-Suppress and
     * localised "Automatic reply" subjects ([MS-OXCMAIL] 2.2.3.2.14), iCloud's X-Apple-Action, the localised
     * non-delivery subjects of Exchange, and the Precedence / X-Autorespond headers of older responders.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            X-Auto-Response-Suppress: All                | Re: pedido 4411           | AUTO_REPLY
            X-Auto-Response-Suppress: All                | Automatic reply: pedido   | OUT_OF_OFFICE
            X-Apple-Action: VACATION                     | Re: pedido 4411           | OUT_OF_OFFICE
            X-Mailer: Outlook                            | Respuesta automática: pedido 4411 | OUT_OF_OFFICE
            X-Mailer: Outlook                            | Abwesenheitsnotiz: Bestellung | OUT_OF_OFFICE
            X-Mailer: Outlook                            | Automatische Antwort: Bestellung | OUT_OF_OFFICE
            X-Mailer: Outlook                            | Réponse automatique : commande | OUT_OF_OFFICE
            X-Mailer: Outlook                            | Resposta automática: pedido | OUT_OF_OFFICE
            X-Mailer: Outlook                            | Out of Office AutoReply: order | OUT_OF_OFFICE
            X-Mailer: Outlook                            | No se puede entregar: pedido | BOUNCE
            X-Mailer: Outlook                            | Unzustellbar: Bestellung  | BOUNCE
            X-Mailer: Outlook                            | Non remis : commande      | BOUNCE
            X-Mailer: Outlook                            | Não é possível entregar: pedido | BOUNCE
            Precedence: auto_reply                       | Re: order                 | AUTO_REPLY
            X-Autorespond: yes                           | Re: order                 | AUTO_REPLY
            X-Autoreply: yes                             | Re: order                 | AUTO_REPLY
            Auto-Submitted: auto-replied                 | Re: order                 | AUTO_REPLY
            Precedence: bulk                             | Newsletter                | BULK
            List-Id: <news.example.com>                  | Newsletter                | BULK
            """)
    void conventionsWithoutACorpusSample(String header, String subject, MailKind expected) throws Exception {
        assertThat(classify(header, subject)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            My parcel was returned to sender
            Absence of a refund, again
            Automatic replies do not answer my question
            Auto-Submitted: no
            """)
    void aPersonWritingAboutTheseThingsIsStillAPerson(String subject) throws Exception {
        String header = subject.startsWith("Auto-Submitted") ? subject : "X-Mailer: Thunderbird";
        assertThat(classify(header, subject.startsWith("Auto-Submitted") ? "Pedido" : subject)).isNull();
    }

    private static MailKind classify(String header, String subject) throws Exception {
        String raw = """
                From: Lucía <lucia@example.com>
                To: support@acme.test
                Subject: %s
                Message-ID: <c-1@example.com>
                %s
                Content-Type: text/plain; charset=UTF-8

                Hola.
                """.formatted(subject, header).replace("\n", "\r\n");
        return MailIntake.read(raw.getBytes(StandardCharsets.UTF_8)).automatic();
    }
}
