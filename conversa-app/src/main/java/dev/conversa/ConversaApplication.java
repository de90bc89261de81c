package dev.conversa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Conversa: one inbox for every channel a contact center answers on. Its background work runs as
 * {@link dev.conversa.worker.Worker}s, not {@code @Scheduled} jobs, so scheduling is not switched on.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConversaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConversaApplication.class, args);
    }
}
