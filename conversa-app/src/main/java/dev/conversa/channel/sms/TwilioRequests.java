package dev.conversa.channel.sms;

import dev.conversa.channel.ChannelSetting;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.kernel.ChannelType;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What the SMS and voice webhooks share: finding the inbox and checking that Twilio really sent the request. */
public final class TwilioRequests {
    /** This installation\'s public URL as Twilio calls it, for SMS and voice inboxes alike (signatures cover it). */
    public static final ChannelSetting WEBHOOK_BASE_URL = ChannelSetting.url("webhookBaseUrl");

    private TwilioRequests() {
    }

    /**
     * The POST parameters only (Twilio signs the query string as part of the URL, not as parameters), the first
     * value of each: what the webhooks read.
     */
    public static Map<String, String> formParams(HttpServletRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        allFormParams(request).forEach((k, v) -> out.put(k, v.getFirst()));
        return out;
    }

    /** Every value of every POST parameter: what Twilio signs. */
    static Map<String, List<String>> allFormParams(HttpServletRequest request) {
        Set<String> inQuery = new HashSet<>();
        String query = request.getQueryString();
        if (query != null) {
            for (String pair : query.split("&")) {
                inQuery.add(URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8));
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        request.getParameterMap().forEach((k, v) -> {
            if (!inQuery.contains(k) && v.length > 0) {
                out.put(k, List.of(v));
            }
        });
        return out;
    }

    /**
     * The URL Twilio called. Behind a proxy the server sees another one, so an inbox can name its public base URL
     * in the setting {@code webhookBaseUrl}.
     */
    public static String publicUrl(HttpServletRequest request, Inbox inbox) {
        String base = WEBHOOK_BASE_URL.read(inbox.settings());
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (base != null) {
            return base.replaceAll("/+$", "") + path;
        }
        return request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    }

    public static Optional<Inbox> inbox(InboxService inboxes, ChannelType channel, long inboxId) {
        return inboxes.allOfChannel(channel).stream().filter(i -> i.id() == inboxId).findFirst();
    }

    /**
     * True when the request carries a valid signature of this inbox's auth token, computed over every value of
     * every POST parameter of the request.
     */
    public static boolean verified(InboxService inboxes, Inbox inbox, HttpServletRequest request) {
        String token = inboxes.secrets(inbox.workspaceId(), inbox.id()).get("authToken");
        return TwilioSignature.validAll(token, request.getHeader("X-Twilio-Signature"), publicUrl(request, inbox),
                allFormParams(request));
    }
}
