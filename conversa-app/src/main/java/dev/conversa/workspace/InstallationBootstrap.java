package dev.conversa.workspace;

import dev.conversa.kernel.Role;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * First start: creates the installation admin (from configuration, or with a generated password printed once)
 * and, when {@code CONVERSA_BOOTSTRAP_TOKEN} is set, registers it as an installation-admin API token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class InstallationBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(InstallationBootstrap.class);
    static final String DEFAULT_ADMIN_EMAIL = "admin@conversa.local";

    private final InstallationProperties properties;
    private final UserService users;
    private final ApiTokenService tokens;
    private final JdbcClient jdbc;

    InstallationBootstrap(InstallationProperties properties, UserService users, ApiTokenService tokens, JdbcClient jdbc) {
        this.properties = properties;
        this.users = users;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long admins = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE role = 'INSTALLATION_ADMIN' AND kind = 'PERSON'").query(Long.class).single();
        if (admins == 0) {
            String email = blank(properties.adminEmail()) ? DEFAULT_ADMIN_EMAIL : properties.adminEmail();
            boolean generated = blank(properties.adminPassword());
            String password = generated ? generatePassword() : properties.adminPassword();
            users.insert(null, email, "Installation admin", Role.INSTALLATION_ADMIN, password, null);
            if (generated) {
                log.warn("Created installation admin {} with generated password {} (shown only this once)", email, password);
            } else {
                log.info("Created installation admin {}", email);
            }
        }
        String token = properties.bootstrapToken();
        if (!blank(token) && !tokens.exists(token)) {
            tokens.insert(null, "bootstrap", Role.INSTALLATION_ADMIN, token, null);
            log.info("Registered CONVERSA_BOOTSTRAP_TOKEN as an installation-admin API token");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String generatePassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
