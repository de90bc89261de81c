package dev.conversa.conversation;

import java.time.Instant;

/**
 * Open conversations of one inbox and team whose customer waits for an answer (the wallboard's queues).
 *
 * @param teamId             null for conversations of no team
 * @param oldestWaitingSince when the longest-waiting of them started waiting
 */
public record WaitingCount(long inboxId, Long teamId, long waiting, Instant oldestWaitingSince) {
}
