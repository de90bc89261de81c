package dev.conversa.channel.voice;

import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboxService;
import dev.conversa.channel.sms.TwilioRequests;
import dev.conversa.kernel.ChannelType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Twilio Voice status callbacks (call progress events) and recording status callbacks, signed with
 * {@code X-Twilio-Signature}. A leg with a {@code ParentCallSid} is the call dialled to an agent
 * ({@code <Dial><Client>ana</Client></Dial>}): its ringing and answer are the customer's call ringing at, and
 * answered by, that agent.
 */
@RestController
class TwilioVoiceWebhook {
    private final InboxService inboxes;
    private final CallTracker calls;

    TwilioVoiceWebhook(InboxService inboxes, CallTracker calls) {
        this.inboxes = inboxes;
        this.calls = calls;
    }

    @PostMapping(path = "/hooks/twilio/voice/{inboxId}/status", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> status(@PathVariable long inboxId, HttpServletRequest request) {
        Map<String, String> p = TwilioRequests.formParams(request);
        Optional<Inbox> inbox = TwilioRequests.inbox(inboxes, ChannelType.VOICE, inboxId);
        if (inbox.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (!TwilioRequests.verified(inboxes, inbox.get(), request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        String parent = p.get("ParentCallSid");
        boolean agentLeg = parent != null && !parent.isBlank();
        String callRef = agentLeg ? parent : p.get("CallSid");
        String status = p.getOrDefault("CallStatus", "").toLowerCase(Locale.ROOT);
        Instant at = timestamp(p.get("Timestamp"));
        Integer duration = integer(p.get("CallDuration"));
        String customer = agentLeg ? p.get("From") : p.get("From");
        CallEvent event = switch (status) {
            case "queued", "initiated", "ringing" ->
                    new CallEvent(callRef, CallEvent.Kind.RINGING, customer, p.get("To"), agentLeg ? p.get("To") : null, at,
                            null, null, status);
            case "in-progress", "answered" -> agentLeg
                    ? new CallEvent(callRef, CallEvent.Kind.ANSWERED, customer, p.get("To"), p.get("To"), at, null, null, status)
                    : new CallEvent(callRef, CallEvent.Kind.RINGING, customer, p.get("To"), null, at, null, null, status);
            case "completed" -> agentLeg ? null
                    : new CallEvent(callRef, CallEvent.Kind.ENDED, customer, p.get("To"), null, at, duration, null, status);
            case "busy", "no-answer", "canceled", "failed" -> agentLeg ? null
                    : new CallEvent(callRef, CallEvent.Kind.MISSED, customer, p.get("To"), null, at, duration, null, status);
            default -> null;
        };
        if (event != null && callRef != null) {
            calls.on(inbox.get(), "twilio", event);
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/hooks/twilio/voice/{inboxId}/recording", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<Void> recording(@PathVariable long inboxId, HttpServletRequest request) {
        Map<String, String> p = TwilioRequests.formParams(request);
        Optional<Inbox> inbox = TwilioRequests.inbox(inboxes, ChannelType.VOICE, inboxId);
        if (inbox.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (!TwilioRequests.verified(inboxes, inbox.get(), request)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        if ("completed".equalsIgnoreCase(p.get("RecordingStatus")) && p.get("CallSid") != null
                && calls.find(inboxId, p.get("CallSid")).isPresent()) {
            calls.on(inbox.get(), "twilio", new CallEvent(p.get("CallSid"), CallEvent.Kind.RECORDING, null, null, null,
                    Instant.now(), integer(p.get("RecordingDuration")), p.get("RecordingUrl"), null));
        }
        return ResponseEntity.noContent().build();
    }

    private static Instant timestamp(String rfc1123) {
        try {
            return rfc1123 == null ? Instant.now() : ZonedDateTime.parse(rfc1123, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
