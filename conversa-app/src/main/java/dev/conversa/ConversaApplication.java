package dev.conversa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Conversa: one inbox for every channel a contact center answers on. Scheduling is switched on here, for every
 * module's {@code @Scheduled} jobs, not in one module that the others would then depend on by accident.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ConversaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConversaApplication.class, args);
    }
}
