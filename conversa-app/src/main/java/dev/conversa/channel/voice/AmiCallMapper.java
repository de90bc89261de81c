package dev.conversa.channel.voice;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MessageWaitingEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.asteriskjava.manager.event.NewExtenEvent;
import org.asteriskjava.manager.event.NewStateEvent;
import org.asteriskjava.manager.event.VarSetEvent;

/**
 * Turns the AMI event stream of one Asterisk connection into provider-neutral {@link CallEvent}s. A call is the
 * customer's channel and every channel sharing its {@code Linkedid}, which is the call's reference:
 * <ul>
 *   <li>{@code Newchannel} of a first channel (Uniqueid = Linkedid): a call starts ringing (from CallerIDNum to
 *       Exten); with the inbox setting {@code amiContext} only channels entering that dialplan context count;</li>
 *   <li>{@code DialBegin}, or {@code Newstate} Ringing of another channel of the call: it rings at that agent;</li>
 *   <li>{@code DialEnd}: remembers a failed dial's status (BUSY, NOANSWER...) for the disposition;</li>
 *   <li>{@code BridgeEnter} of an agent's channel: answered by that agent;</li>
 *   <li>{@code Hangup} of the customer's channel: ended (answered) or missed, with the cause;</li>
 *   <li>{@code Newexten} VoiceMail(mailbox) and {@code VarSet VM_MESSAGEFILE}, or a later {@code MessageWaiting} of that
 *       mailbox: a voicemail; {@code VarSet MIXMONITOR_FILENAME} (or {@code Newexten} MixMonitor(file)): the recording.</li>
 * </ul>
 * Agents are named by device ({@code PJSIP/1001}, the channel without its {@code -0000002a} suffix) or by extension
 * ({@code 1001}), whichever the inbox setting {@code agents} maps. Not thread-safe: one connection's events in order.
 */
final class AmiCallMapper {
    private static final int MAX_CALLS = 10_000;

    private final VoiceSettings settings;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Map<String, String> voicemailWaiting = new LinkedHashMap<>();

    private static final class Call {
        final String ref;
        final String from;
        final String to;
        final Set<String> ringing = new HashSet<>();
        boolean answered;
        String dialStatus;
        String mailbox;
        String voicemailFile;
        String recordingFile;

        Call(String ref, String from, String to) {
            this.ref = ref;
            this.from = from;
            this.to = to;
        }
    }

    AmiCallMapper(VoiceSettings settings) {
        this.settings = settings;
    }

    List<CallEvent> map(ManagerEvent event) {
        Instant at = at(event);
        List<CallEvent> out = new ArrayList<>();
        switch (event) {
            case NewChannelEvent e -> {
                String id = e.getUniqueId();
                if (id != null && id.equals(e.getLinkedid()) && !calls.containsKey(id) && inContext(e.getContext())) {
                    Call call = new Call(id, blankToNull(e.getCallerIdNum()), blankToNull(e.getExten()));
                    calls.put(id, call);
                    trim();
                    out.add(new CallEvent(id, CallEvent.Kind.RINGING, call.from, call.to, null, at, null, null, "ringing"));
                }
            }
            case DialBeginEvent e -> ringing(out, calls.get(e.getLinkedId()), e.getDestChannel(), e.getDestUniqueId(),
                    e.getDestCallerIdNum(), at);
            case NewStateEvent e -> {
                if (Integer.valueOf(5).equals(e.getChannelState()) && !e.getUniqueId().equals(e.getLinkedId())) {
                    ringing(out, calls.get(e.getLinkedId()), e.getChannel(), e.getUniqueId(), e.getCallerIdNum(), at);
                }
            }
            case DialEndEvent e -> {
                Call call = calls.get(e.getLinkedId());
                if (call != null && e.getDialStatus() != null && !"ANSWER".equalsIgnoreCase(e.getDialStatus())) {
                    call.dialStatus = e.getDialStatus().toUpperCase(Locale.ROOT);
                }
            }
            case BridgeEnterEvent e -> {
                Call call = calls.get(e.getLinkedId());
                if (call != null && !call.answered && e.getUniqueId() != null && !e.getUniqueId().equals(call.ref)
                        && !isLocal(e.getChannel())) {
                    call.answered = true;
                    out.add(new CallEvent(call.ref, CallEvent.Kind.ANSWERED, call.from, call.to,
                            agentRef(e.getChannel(), e.getCallerIdNum()), at, null, null, "answered"));
                }
            }
            case NewExtenEvent e -> {
                Call call = calls.get(e.getLinkedId());
                if (call != null && e.getApplication() != null) {
                    String app = e.getApplication().toLowerCase(Locale.ROOT);
                    String arg = firstArgument(e.getAppData());
                    if (app.equals("voicemail") && call.ref.equals(e.getUniqueId()) && arg != null) {
                        call.mailbox = mailbox(arg.replaceFirst("^[subS]+(?=\\d)", ""));
                    } else if (app.equals("mixmonitor") && arg != null && call.recordingFile == null) {
                        call.recordingFile = arg;
                    }
                }
            }
            case VarSetEvent e -> {
                Call call = calls.get(e.getLinkedId());
                if (call != null && e.getVariable() != null && e.getValue() != null && !e.getValue().isBlank()) {
                    switch (e.getVariable().toUpperCase(Locale.ROOT)) {
                        case "MIXMONITOR_FILENAME" -> call.recordingFile = e.getValue();
                        case "VM_MESSAGEFILE" -> call.voicemailFile = e.getValue();
                        default -> {
                        }
                    }
                }
            }
            case HangupEvent e -> {
                Call call = e.getUniqueId() == null ? null : calls.get(e.getUniqueId());
                if (call != null) {
                    calls.remove(call.ref);
                    String outcome = outcome(call.dialStatus, e.getCause());
                    out.add(new CallEvent(call.ref, call.answered ? CallEvent.Kind.ENDED : CallEvent.Kind.MISSED, call.from,
                            call.to, null, at, null, null, outcome));
                    if (call.answered && call.recordingFile != null) {
                        out.add(new CallEvent(call.ref, CallEvent.Kind.RECORDING, null, null, null, at, null,
                                link(call.recordingFile), null));
                    } else if (!call.answered && call.voicemailFile != null) {
                        out.add(new CallEvent(call.ref, CallEvent.Kind.VOICEMAIL, null, null, null, at, null,
                                link(call.voicemailFile), call.mailbox));
                    } else if (!call.answered && call.mailbox != null) {
                        voicemailWaiting.put(call.mailbox, call.ref); // left a message only if the mailbox says so
                        while (voicemailWaiting.size() > 1000) {
                            voicemailWaiting.remove(voicemailWaiting.keySet().iterator().next());
                        }
                    }
                }
            }
            case MessageWaitingEvent e -> {
                String mailbox = e.getMailbox() == null ? null : mailbox(e.getMailbox());
                boolean waiting = (e.getNew() != null && e.getNew() > 0) || (e.getWaiting() != null && e.getWaiting() > 0);
                String ref = mailbox == null || !waiting ? null : voicemailWaiting.remove(mailbox);
                if (ref != null) {
                    out.add(new CallEvent(ref, CallEvent.Kind.VOICEMAIL, null, null, null, at, null, null, mailbox));
                }
            }
            default -> {
            }
        }
        return out;
    }

    private void ringing(List<CallEvent> out, Call call, String channel, String uniqueId, String callerIdNum, Instant at) {
        if (call != null && !call.answered && channel != null && !isLocal(channel)
                && call.ringing.add(uniqueId == null ? channel : uniqueId)) {
            out.add(new CallEvent(call.ref, CallEvent.Kind.RINGING, call.from, call.to, agentRef(channel, callerIdNum), at,
                    null, null, "ringing"));
        }
    }

    /** The name of the agent as the inbox setting {@code agents} knows it: device, else extension, else device. */
    String agentRef(String channel, String callerIdNum) {
        String device = device(channel);
        Map<String, String> agents = settings.agents();
        if (device != null && agents.containsKey(device.toLowerCase(Locale.ROOT))) {
            return device;
        }
        if (callerIdNum != null && agents.containsKey(callerIdNum.strip().toLowerCase(Locale.ROOT))) {
            return callerIdNum.strip();
        }
        String ext = device == null ? null : device.substring(device.indexOf('/') + 1);
        if (ext != null && agents.containsKey(ext.toLowerCase(Locale.ROOT))) {
            return ext;
        }
        return device;
    }

    /** {@code PJSIP/1001-0000002a} → {@code PJSIP/1001}. */
    static String device(String channel) {
        if (channel == null || channel.isBlank()) {
            return null;
        }
        int dash = channel.lastIndexOf('-');
        return dash > channel.indexOf('/') ? channel.substring(0, dash) : channel;
    }

    /** A link to a recording file: under the inbox setting {@code recordingBaseUrl}, else a {@code file:} URI. */
    String link(String file) {
        String base = settings.recordingBaseUrl();
        if (base == null) {
            return file.startsWith("/") ? "file://" + file : file;
        }
        String name = file.substring(file.lastIndexOf('/') + 1);
        return base.replaceAll("/+$", "") + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private boolean inContext(String context) {
        String wanted = settings.amiContext();
        return wanted == null || wanted.equalsIgnoreCase(context);
    }

    /** Twilio-style outcome words that {@link CallTracker} turns into a disposition. */
    static String outcome(String dialStatus, Integer cause) {
        if (dialStatus != null) {
            switch (dialStatus) {
                case "BUSY" -> {
                    return "busy";
                }
                case "CHANUNAVAIL", "CONGESTION" -> {
                    return "failed";
                }
                default -> {
                    return "no-answer";
                }
            }
        }
        if (cause == null) {
            return "completed";
        }
        return switch (cause) {
            case 17 -> "busy";                                 // user busy
            case 16, 18, 19, 21, 31 -> "no-answer";            // normal clearing, no answer, rejected
            case 0 -> "completed";
            default -> cause >= 27 ? "failed" : "no-answer";   // network / unavailable / congestion
        };
    }

    private static String mailbox(String s) {
        String m = s.strip().toLowerCase(Locale.ROOT);
        return m.contains("@") ? m : m + "@default";
    }

    private static String firstArgument(String appData) {
        if (appData == null || appData.isBlank()) {
            return null;
        }
        String first = appData.split("[,|]", 2)[0].strip();
        return first.isEmpty() ? null : first;
    }

    private static boolean isLocal(String channel) {
        return channel != null && channel.regionMatches(true, 0, "Local/", 0, 6);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() || s.equals("<unknown>") ? null : s.strip();
    }

    private static Instant at(ManagerEvent event) {
        Double ts = event.getTimestamp();
        if (ts != null) {
            return Instant.ofEpochMilli(Math.round(ts * 1000));
        }
        return event.getDateReceived() == null ? Instant.now() : event.getDateReceived().toInstant();
    }

    private void trim() {
        while (calls.size() > MAX_CALLS) {
            calls.remove(calls.keySet().iterator().next()); // a call whose Hangup we never saw
        }
    }
}
