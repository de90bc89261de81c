package dev.conversa.workspace;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the installation gets its first people and machines.
 *
 * @param adminEmail     the first installation admin's email ({@code CONVERSA_ADMIN_EMAIL})
 * @param adminPassword  their password ({@code CONVERSA_ADMIN_PASSWORD}); generated and printed once when empty
 * @param bootstrapToken when set at first start, becomes an installation-admin API token ({@code CONVERSA_BOOTSTRAP_TOKEN})
 */
@ConfigurationProperties("conversa.installation")
public record InstallationProperties(String adminEmail, String adminPassword, String bootstrapToken) {
}
