package dev.conversa.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A channel a conversation can live on. Not an enum, so that a channel brings its own type from its own package
 * ({@link #define}) instead of editing this file: each name has one instance, so {@code ==} compares types, and the
 * name is what the database, the API and events carry. The channels Conversa ships are defined here, because many
 * modules name them.
 */
@Schema(type = "string", description = "A channel: one of those Conversa ships, or one an installation's own adapter defines",
        allowableValues = {"EMAIL", "WEBCHAT", "SMS", "VOICE", "TWITTER", "FACEBOOK", "INSTAGRAM", "WHATSAPP", "TELEGRAM",
                "MASTODON", "API"})
public final class ChannelType {
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");
    private static final Map<String, ChannelType> DEFINED = new LinkedHashMap<>();

    public static final ChannelType EMAIL = define("EMAIL");
    public static final ChannelType WEBCHAT = define("WEBCHAT");
    public static final ChannelType SMS = define("SMS");
    public static final ChannelType VOICE = define("VOICE");
    public static final ChannelType TWITTER = define("TWITTER");
    public static final ChannelType FACEBOOK = define("FACEBOOK");
    public static final ChannelType INSTAGRAM = define("INSTAGRAM");
    public static final ChannelType WHATSAPP = define("WHATSAPP");
    public static final ChannelType TELEGRAM = define("TELEGRAM");
    public static final ChannelType MASTODON = define("MASTODON");
    /** Messages pushed by the customer's own systems through the REST API. */
    public static final ChannelType API = define("API");

    private final String name;

    private ChannelType(String name) {
        this.name = name;
    }

    /**
     * The type named {@code name}, defined on first use (a channel adapter keeps it in a constant). Defining a name
     * again answers the same instance.
     *
     * @throws IllegalArgumentException unless the name is 1 to 32 capital letters, digits or {@code _}
     */
    public static ChannelType define(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a channel type is 1 to 32 capital letters, digits or _, not " + name);
        }
        synchronized (DEFINED) {
            return DEFINED.computeIfAbsent(name, ChannelType::new);
        }
    }

    /**
     * The defined type of this name, as {@code Enum.valueOf} did (request parameters, JSON and rows are read with it).
     *
     * @throws IllegalArgumentException for a name no channel defined
     */
    @JsonCreator
    public static ChannelType valueOf(String name) {
        ChannelType type;
        synchronized (DEFINED) {
            type = DEFINED.get(name);
        }
        if (type == null) {
            throw new IllegalArgumentException("No channel type " + name);
        }
        return type;
    }

    /** Every defined type, the shipped ones first in their usual order. */
    public static List<ChannelType> values() {
        synchronized (DEFINED) {
            return List.copyOf(DEFINED.values());
        }
    }

    @JsonValue
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
