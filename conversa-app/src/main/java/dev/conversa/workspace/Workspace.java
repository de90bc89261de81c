package dev.conversa.workspace;

import java.time.Instant;

/** A tenant: one brand, or one client of an outsourcing contact center. */
public record Workspace(long id, String slug, String name, String timeZone, String defaultLocale, Instant createdAt) {
}
