package dev.conversa.customer;

/** An identity to attach to a customer, with whatever profile details the channel tells us. */
public record NewIdentity(IdentityKind kind, String value, String displayName, String handle, String avatarUrl,
                          String profileUrl, Long followerCount) {

    public static NewIdentity of(IdentityKind kind, String value) {
        return new NewIdentity(kind, value, null, null, null, null, null);
    }
}
