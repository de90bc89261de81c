package dev.conversa.customer;

import java.util.Locale;

/** The kinds of address a person can be reached at. The value is normalised so the same person is found again. */
public enum IdentityKind {
    EMAIL, PHONE, TWITTER, FACEBOOK, INSTAGRAM, WHATSAPP, TELEGRAM, MASTODON, WEBCHAT, EXTERNAL;

    /** Canonical form: lowercase emails and handles, phone numbers as {@code +} and digits only. */
    public String normalize(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        return switch (this) {
            case EMAIL, MASTODON -> v.toLowerCase(Locale.ROOT);
            case PHONE, WHATSAPP -> {
                StringBuilder digits = new StringBuilder(v.startsWith("+") ? "+" : "");
                v.chars().filter(Character::isDigit).forEach(c -> digits.append((char) c));
                yield digits.toString();
            }
            default -> v;
        };
    }
}
