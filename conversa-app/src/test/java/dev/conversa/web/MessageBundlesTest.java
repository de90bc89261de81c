package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The console speaks English and Spanish: every text has both, and none is left empty. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (var in = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void englishAndSpanishHaveTheSameKeysAndNoEmptyText() throws IOException {
        Properties en = load("messages.properties");
        Properties es = load("messages_es.properties");
        assertThat(es.stringPropertyNames()).as("keys").containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
        assertThat(en.stringPropertyNames()).hasSizeGreaterThan(100)
                .allSatisfy(k -> assertThat(en.getProperty(k)).as(k).isNotBlank())
                .allSatisfy(k -> assertThat(es.getProperty(k)).as(k).isNotBlank());
    }
}
