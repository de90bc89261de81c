package dev.conversa.channel.voice;

import java.time.Instant;

/** A phone call as the console and the API show it. */
record VoiceCall(long id, long inboxId, String provider, String callRef, String direction, String fromNumber,
                 String toNumber, Long customerId, Long conversationId, String status, Long agentId, String agentRef,
                 Instant startedAt, Instant answeredAt, Instant endedAt, Integer durationSeconds, String recordingUrl,
                 boolean voicemail, String disposition, String wrapUp) {
}
