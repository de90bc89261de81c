package dev.conversa.channel.voice;

import java.time.Instant;

/**
 * A provider-neutral call event, from Twilio status callbacks or Asterisk AMI.
 *
 * @param callRef  the provider's id of the (customer's) call leg
 * @param agentRef who answered, as the provider names them ({@code client:ana}, {@code SIP/1001}); mapped to a user
 *                 by the inbox setting {@code agents} ({@code client:ana=ana@acme.test,SIP/1001=luis@acme.test})
 */
record CallEvent(String callRef, Kind kind, String from, String to, String agentRef, Instant at, Integer durationSeconds,
                 String recordingUrl, String outcome) {

    /** VOICEMAIL: the caller left a message (recordingUrl is its file when the provider says where, else null). */
    enum Kind { RINGING, ANSWERED, ENDED, MISSED, RECORDING, VOICEMAIL }
}
