package dev.conversa.customer;

import java.time.Instant;

/**
 * One way of reaching a customer on one channel.
 *
 * @param value the channel's stable id for the person (address, number, user id, PSID...)
 * @param handle the public name on social networks ({@code @ana_g}); may change while {@code value} does not
 */
public record CustomerIdentity(long id, IdentityKind kind, String value, String displayName, String handle,
                               String avatarUrl, String profileUrl, Long followerCount, Instant createdAt) {
}
