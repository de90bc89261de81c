package dev.conversa.channel;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One setting or secret a channel's inbox takes, as the channel declares it ({@link ChannelAdapter#settings()}): the
 * admin form is written from these, and the inbox service refuses a value of the wrong kind before it is stored.
 * Values stay strings in the inbox (as a provider's configuration does); the channel reads them through its own typed
 * settings record.
 *
 * @param defaultValue what the channel uses when the setting is absent ({@code null}: nothing, or derived)
 * @param choices      the allowed values of a {@link Kind#CHOICE}
 */
public record ChannelSetting(String name, Kind kind, String defaultValue, List<String> choices, boolean secret, String help) {
    public enum Kind { TEXT, NUMBER, BOOLEAN, CHOICE, URL, EMAIL }

    public ChannelSetting {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ChannelSetting text(String name, String help) {
        return new ChannelSetting(name, Kind.TEXT, null, null, false, help);
    }

    public static ChannelSetting number(String name, Integer defaultValue, String help) {
        return new ChannelSetting(name, Kind.NUMBER, defaultValue == null ? null : defaultValue.toString(), null, false, help);
    }

    public static ChannelSetting bool(String name, boolean defaultValue, String help) {
        return new ChannelSetting(name, Kind.BOOLEAN, String.valueOf(defaultValue), null, false, help);
    }

    public static ChannelSetting choice(String name, String defaultValue, List<String> choices, String help) {
        return new ChannelSetting(name, Kind.CHOICE, defaultValue, choices, false, help);
    }

    public static ChannelSetting url(String name, String help) {
        return new ChannelSetting(name, Kind.URL, null, null, false, help);
    }

    public static ChannelSetting email(String name, String help) {
        return new ChannelSetting(name, Kind.EMAIL, null, null, false, help);
    }

    public static ChannelSetting secret(String name, String help) {
        return new ChannelSetting(name, Kind.TEXT, null, null, true, help);
    }

    public ChannelSetting withDefault(String value) {
        return new ChannelSetting(name, kind, value, choices, secret, help);
    }

    /** Why {@code value} is not a valid value of this setting, or {@code null} when it is (blank removes a setting). */
    public String problem(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return switch (kind) {
            case TEXT -> v.length() > 2000 ? name + " is longer than 2,000 characters" : null;
            case NUMBER -> v.matches("[0-9]{1,9}") ? null : name + " must be a whole number, not \"" + v + "\"";
            case BOOLEAN -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") ? null
                    : name + " must be true or false, not \"" + v + "\"";
            case CHOICE -> choices.contains(v.toLowerCase(Locale.ROOT)) ? null
                    : name + " must be one of " + String.join(", ", choices) + ", not \"" + v + "\"";
            case URL -> isHttpUrl(v) ? null : name + " must be an absolute http or https URL, not \"" + v + "\"";
            case EMAIL -> v.matches("[^@\\s]+@[^@\\s]+") ? null : name + " must be an email address, not \"" + v + "\"";
        };
    }

    private static boolean isHttpUrl(String v) {
        try {
            URI u = new URI(v);
            return u.getHost() != null && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
