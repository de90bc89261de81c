package dev.conversa.channel;

import dev.conversa.kernel.ChannelType;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One setting or secret a channel's inbox takes, as the channel declares it ({@link ChannelAdapter#settings()}): the
 * admin form is written from these, and the inbox service refuses a value of the wrong kind before it is stored.
 * Values stay strings in the inbox (as a provider's configuration does); the channel reads them through its own typed
 * settings record, with the readers below, so the default the form shows is the default the channel uses.
 * What a setting means is in the message bundles, under {@code channel.setting.<CHANNEL>.<name>} ({@link #helpKey}).
 *
 * @param defaultValue what the channel uses when the setting is absent ({@code null}: nothing, or derived)
 * @param choices      the allowed values of a {@link Kind#CHOICE}
 */
public record ChannelSetting(String name, Kind kind, String defaultValue, List<String> choices, boolean secret) {
    public enum Kind { TEXT, NUMBER, BOOLEAN, CHOICE, URL, EMAIL }

    public ChannelSetting {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    public static ChannelSetting text(String name) {
        return new ChannelSetting(name, Kind.TEXT, null, null, false);
    }

    public static ChannelSetting number(String name, Integer defaultValue) {
        return new ChannelSetting(name, Kind.NUMBER, defaultValue == null ? null : defaultValue.toString(), null, false);
    }

    public static ChannelSetting bool(String name, boolean defaultValue) {
        return new ChannelSetting(name, Kind.BOOLEAN, String.valueOf(defaultValue), null, false);
    }

    public static ChannelSetting choice(String name, String defaultValue, List<String> choices) {
        return new ChannelSetting(name, Kind.CHOICE, defaultValue, choices, false);
    }

    public static ChannelSetting url(String name) {
        return new ChannelSetting(name, Kind.URL, null, null, false);
    }

    public static ChannelSetting email(String name) {
        return new ChannelSetting(name, Kind.EMAIL, null, null, false);
    }

    public static ChannelSetting secret(String name) {
        return new ChannelSetting(name, Kind.TEXT, null, null, true);
    }

    public ChannelSetting withDefault(String value) {
        return new ChannelSetting(name, kind, value, choices, secret);
    }

    /** One {@code name=default} line per setting (or per secret) of {@code settings}: where a form starts. */
    public static String formText(List<ChannelSetting> settings, boolean secrets) {
        return String.join("\n", settings.stream().filter(s -> s.secret() == secrets)
                .map(s -> s.name() + "=" + (s.defaultValue() == null ? "" : s.defaultValue())).toList());
    }

    /** The message bundle key of what this setting of {@code channel} means (shown under the admin form). */
    public String helpKey(ChannelType channel) {
        return "channel.setting." + channel.name() + "." + name;
    }

    /** The stored value, stripped; the default when it is absent or blank. */
    public String read(Map<String, String> settings) {
        String v = settings.get(name);
        return v == null || v.isBlank() ? defaultValue : v.strip();
    }

    /**
     * A number setting's value, at least {@code min}; the default (or {@code null}) when it is absent or, as an older
     * inbox may hold, not a number: values are checked when stored ({@link #problem}), so this is the only fallback.
     */
    public Integer readNumber(Map<String, String> settings, int min) {
        Integer value = parse(read(settings));
        return value != null ? Integer.valueOf(Math.max(min, value)) : defaultValue == null ? null : parse(defaultValue);
    }

    /** A boolean setting: {@code true} or {@code false} in any case; anything else is the default. */
    public boolean readBoolean(Map<String, String> settings) {
        String v = read(settings);
        return v != null && (v.equalsIgnoreCase("true") || !v.equalsIgnoreCase("false") && "true".equals(defaultValue));
    }

    /** A choice setting, lowercased; the default when the stored value is not one of the choices. */
    public String readChoice(Map<String, String> settings) {
        String v = read(settings);
        String lower = v == null ? null : v.toLowerCase(Locale.ROOT);
        return choices.contains(lower) ? lower : defaultValue;
    }

    private static Integer parse(String v) {
        try {
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
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
