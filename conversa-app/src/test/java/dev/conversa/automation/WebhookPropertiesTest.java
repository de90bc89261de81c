package dev.conversa.automation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class WebhookPropertiesTest {

    @Test
    void theEnvironmentVariablesDocsConfigurationMdNamesAreBound() {
        var env = new StandardEnvironment();
        env.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "CONVERSA_AUTOMATION_WEBHOOKS_MAXATTEMPTS", "5",
                "CONVERSA_AUTOMATION_WEBHOOKS_INITIALBACKOFF", "1m")));
        WebhookProperties p = new Binder(ConfigurationPropertySources.get(env))
                .bind("conversa.automation.webhooks", WebhookProperties.class).get();
        assertThat(p.maxAttempts()).isEqualTo(5);
        assertThat(p.initialBackoff()).isEqualTo(Duration.ofMinutes(1));
        assertThat(p.maxBackoff()).as("the rest keeps its default").isEqualTo(Duration.ofHours(2));
    }
}
