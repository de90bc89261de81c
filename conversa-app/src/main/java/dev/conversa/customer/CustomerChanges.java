package dev.conversa.customer;

import java.util.List;
import java.util.Map;

/**
 * The fields of a customer to create or change; {@code null} leaves a field as it is. Attributes given here
 * are merged in; an attribute with an empty value is removed.
 */
public record CustomerChanges(String name, String email, String phone, String avatarUrl, String locale, Boolean vip,
                              Map<String, String> attributes, List<NewIdentity> identities) {
}
