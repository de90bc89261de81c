package dev.conversa.mention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import tools.jackson.databind.json.JsonMapper;

class AlertDeliveryTest {
    private static final DefaultListableBeanFactory NO_BEANS = new DefaultListableBeanFactory();
    private static final Alert ALERT = new Alert(1, 2, 3, "Acme", AlertKind.SPIKE, Instant.parse("2026-03-30T09:00:00Z"),
            Instant.parse("2026-03-30T10:00:00Z"), 12, 2.5, 0, 7.69, 6.4, List.of(3L, 2L, 3L, 2L), List.of(), List.of(),
            List.of(), Instant.parse("2026-03-30T10:05:00Z"), null, null);

    private static AlertDelivery delivery(boolean allowPrivate) {
        return new AlertDelivery(NO_BEANS.getBeanProvider(JavaMailSender.class), JsonMapper.builder().build(),
                new AlertProperties(true, Duration.ofMinutes(1), Duration.ofSeconds(2), null, allowPrivate, null, null),
                NO_BEANS.getBeanProvider(Clock.class));
    }

    private static AlertRule rule(List<String> to, String url) {
        return new AlertRule(2, 3, AlertKind.SPIKE, 4, 3.5, 10, 360, to, url, "secret", Instant.EPOCH, null, null, null);
    }

    @Test
    void aWebhookToTheInstallationsOwnNetworkIsRefused() {
        for (String url : List.of("http://127.0.0.1:9/hook", "http://localhost/hook", "http://10.1.2.3/hook",
                "http://169.254.169.254/latest/meta-data")) {
            assertThat(delivery(false).deliver(ALERT, rule(List.of(), url), true, true).webhook()).as(url).startsWith("refused: ");
        }
        assertThat(delivery(true).deliver(ALERT, rule(List.of(), "http://127.0.0.1:9/hook"), true, true).webhook())
                .as("allowed, the closed port answers").startsWith("failed: ");
    }

    @Test
    void withoutAMailServerTheAlertSaysSo() {
        AlertDelivery.Outcome outcome = delivery(false).deliver(ALERT, rule(List.of("a@b.test"), null), true, true);
        assertThat(outcome.email()).isEqualTo("not sent: no mail server configured (spring.mail.host)");
        assertThat(outcome.webhook()).isNull();
        assertThat(delivery(false).deliver(ALERT, rule(List.of(), null), true, true).email()).isNull();
    }
}
