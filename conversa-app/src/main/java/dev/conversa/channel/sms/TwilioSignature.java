package dev.conversa.channel.sms;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's request signature (https://www.twilio.com/docs/usage/webhooks/webhooks-security): base64 of the
 * HMAC-SHA1, keyed with the account's auth token, of the full webhook URL followed by every POST parameter
 * sorted by name, each written as name then value. A parameter sent several times is written once per distinct
 * value, values in sorted order, as Twilio's own helper libraries do (twilio-node {@code toFormUrlEncodedParam}):
 * keeping only the first value would refuse a genuine request. Used by the SMS and the voice webhooks.
 */
public final class TwilioSignature {
    private TwilioSignature() {
    }

    public static String sign(String authToken, String url, Map<String, String> params) {
        Map<String, List<String>> all = new TreeMap<>();
        params.forEach((k, v) -> all.put(k, List.of(v == null ? "" : v)));
        return signAll(authToken, url, all);
    }

    /** The signature over every value of every parameter. */
    public static String signAll(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, values) -> {
            for (String v : new TreeSet<>(values)) {
                data.append(k).append(v);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean valid(String authToken, String signature, String url, Map<String, String> params) {
        Map<String, List<String>> all = new TreeMap<>();
        params.forEach((k, v) -> all.put(k, List.of(v == null ? "" : v)));
        return validAll(authToken, signature, url, all);
    }

    public static boolean validAll(String authToken, String signature, String url, Map<String, List<String>> params) {
        if (authToken == null || authToken.isEmpty() || signature == null || signature.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(signAll(authToken, url, params).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
