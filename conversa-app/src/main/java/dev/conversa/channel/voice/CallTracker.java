package dev.conversa.channel.voice;

import dev.conversa.channel.ChannelEvents;
import dev.conversa.channel.Inbox;
import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestResult;
import dev.conversa.channel.IngestionService;
import dev.conversa.conversation.ConversationService;
import dev.conversa.conversation.Visibility;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Sql;
import dev.conversa.workspace.UserAccount;
import dev.conversa.workspace.UserService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The life of a phone call, whatever the provider: ringing opens (or joins) the caller's conversation with a call
 * message and pops their profile; answered records the agent; ended records duration and disposition (missed,
 * voicemail...) as a note. Events are idempotent and may arrive out of order: a call never goes back.
 */
@Service
class CallTracker {
    private final JdbcClient jdbc;
    private final IngestionService ingestion;
    private final ConversationService conversations;
    private final UserService users;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;

    CallTracker(JdbcClient jdbc, IngestionService ingestion, ConversationService conversations, UserService users,
                ApplicationEventPublisher events, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.ingestion = ingestion;
        this.conversations = conversations;
        this.users = users;
        this.events = events;
    }

    synchronized VoiceCall on(Inbox inbox, String provider, CallEvent e) {
        long ws = inbox.workspaceId();
        VoiceCall call = find(inbox.id(), e.callRef()).orElseGet(() -> start(inbox, provider, e));
        Long agentId = e.agentRef() == null ? call.agentId() : agent(inbox, e.agentRef()).orElse(call.agentId());
        Instant at = e.at() == null ? Instant.now() : e.at();
        switch (e.kind()) {
            case RINGING -> {
                if (call.status().equals("RINGING")) {
                    announce(new ChannelEvents.CallRinging(ws, inbox.id(), call.id(), call.conversationId(),
                            call.customerId(), call.fromNumber(), agentId));
                }
            }
            case ANSWERED -> {
                if (call.answeredAt() == null && call.endedAt() == null) {
                    jdbc.sql("""
                            UPDATE voice_call SET status = 'IN_PROGRESS', answered_at = ?, agent_id = ?, agent_ref = ?,
                                updated_at = ? WHERE id = ?""")
                            .params(Sql.ts(at), agentId, e.agentRef(), Sql.ts(Instant.now()), call.id()).update();
                    announce(new ChannelEvents.CallAnswered(ws, inbox.id(), call.id(), call.conversationId(),
                            call.customerId(), agentId));
                }
            }
            case ENDED, MISSED -> {
                if (call.endedAt() == null) {
                    boolean answered = call.answeredAt() != null && e.kind() == CallEvent.Kind.ENDED;
                    String disposition = answered ? "ANSWERED" : missedDisposition(e.outcome());
                    int talk = answered ? (e.durationSeconds() != null ? e.durationSeconds()
                            : (int) Math.max(0, at.getEpochSecond() - call.answeredAt().getEpochSecond())) : 0;
                    jdbc.sql("""
                            UPDATE voice_call SET status = ?, ended_at = ?, duration_seconds = ?,
                                disposition = COALESCE(disposition, ?), updated_at = ? WHERE id = ?""")
                            .params(answered ? "COMPLETED" : "MISSED", Sql.ts(at), talk, disposition, Sql.ts(Instant.now()),
                                    call.id()).update();
                    String who = agentId == null ? "" : users.find(ws, agentId).map(UserAccount::name).map(n -> " by " + n)
                            .orElse("");
                    conversations.addNote(call.conversationId(), answered
                            ? "Call answered" + who + ", " + talk / 60 + "m " + talk % 60 + "s."
                            : "Missed call from " + call.fromNumber() + " (" + disposition.toLowerCase(Locale.ROOT) + ").",
                            Actor.system(ws));
                    conversations.addHandleTime(ws, call.conversationId(), talk);
                    VoiceCall ended = find(inbox.id(), e.callRef()).orElseThrow();
                    announce(new ChannelEvents.CallEnded(ws, inbox.id(), call.id(), call.conversationId(),
                            call.customerId(), agentId, ended.disposition(), talk));
                }
            }
            case RECORDING -> {
                if (e.recordingUrl() != null && call.recordingUrl() == null) {
                    boolean voicemail = call.answeredAt() == null;
                    jdbc.sql("""
                            UPDATE voice_call SET recording_url = ?, voicemail = ?, disposition = CASE WHEN ? THEN 'VOICEMAIL'
                                ELSE disposition END, updated_at = ? WHERE id = ?""")
                            .params(e.recordingUrl(), voicemail, voicemail, Sql.ts(Instant.now()), call.id()).update();
                    conversations.addNote(call.conversationId(), (voicemail ? "Voicemail" : "Call recording")
                            + (e.durationSeconds() == null ? "" : " (" + e.durationSeconds() + "s)") + ": " + e.recordingUrl(),
                            Actor.system(ws));
                }
            }
            case VOICEMAIL -> {
                if (!call.voicemail() && call.answeredAt() == null) {
                    jdbc.sql("""
                            UPDATE voice_call SET voicemail = TRUE, disposition = 'VOICEMAIL',
                                recording_url = COALESCE(recording_url, ?), updated_at = ? WHERE id = ?""")
                            .params(e.recordingUrl(), Sql.ts(Instant.now()), call.id()).update();
                    conversations.addNote(call.conversationId(), "Voicemail"
                            + (e.durationSeconds() == null ? "" : " (" + e.durationSeconds() + "s)")
                            + (e.recordingUrl() == null ? " left" + (e.outcome() == null ? "" : " in mailbox " + e.outcome()) + "."
                            : ": " + e.recordingUrl()), Actor.system(ws));
                }
            }
        }
        return find(inbox.id(), e.callRef()).orElseThrow();
    }

    private VoiceCall start(Inbox inbox, String provider, CallEvent e) {
        long ws = inbox.workspaceId();
        String from = e.from() == null || e.from().isBlank() ? "anonymous" : e.from();
        Instant at = e.at() == null ? Instant.now() : e.at();
        IngestResult r = ingestion.receive(ws, inbox.id(), new InboundMessage("call:" + e.callRef(), null,
                new NewIdentity(IdentityKind.PHONE, from, null, null, null, null, null), null,
                "Phone call from " + from, Visibility.PRIVATE, List.of(), at));
        try {
            jdbc.sql("""
                    INSERT INTO voice_call (workspace_id, inbox_id, provider, call_ref, direction, from_number, to_number,
                        customer_id, conversation_id, message_id, status, started_at, voicemail, updated_at)
                    VALUES (?, ?, ?, ?, 'INBOUND', ?, ?, ?, ?, ?, 'RINGING', ?, FALSE, ?)""")
                    .params(ws, inbox.id(), provider, e.callRef(), IdentityKind.PHONE.normalize(from), e.to(), r.customerId(),
                            r.conversationId(), r.messageId(), Sql.ts(at), Sql.ts(Instant.now()))
                    .update();
        } catch (DuplicateKeyException raced) {
            // another node recorded the same call first
        }
        return find(inbox.id(), e.callRef()).orElseThrow();
    }

    /**
     * Each step commits on its own (a provider's retry must not undo the one before), so the call's event is published
     * in a transaction of its own: that is what stores it in the outbox and, with Kafka on, sends it to the other nodes.
     */
    private void announce(Object event) {
        tx.executeWithoutResult(status -> events.publishEvent(event));
    }

    private static String missedDisposition(String outcome) {
        if (outcome == null) {
            return "MISSED";
        }
        return switch (outcome.toLowerCase(Locale.ROOT)) {
            case "busy" -> "BUSY";
            case "failed" -> "FAILED";
            default -> "MISSED";
        };
    }

    /** The agent behind a provider's name for them, from the inbox setting {@code agents}, or an email address. */
    Optional<Long> agent(Inbox inbox, String agentRef) {
        String email = VoiceSettings.of(inbox.settings()).agents().get(agentRef.strip().toLowerCase(Locale.ROOT));
        if (email == null && agentRef.contains("@")) {
            email = agentRef.replaceFirst("^client:", "");
        }
        if (email == null) {
            return Optional.empty();
        }
        return users.findByEmail(email).filter(u -> u.workspaceId() != null && u.workspaceId() == inbox.workspaceId())
                .map(UserAccount::id);
    }

    Optional<VoiceCall> find(long inboxId, String callRef) {
        return jdbc.sql("SELECT * FROM voice_call WHERE inbox_id = ? AND call_ref = ?").params(inboxId, callRef)
                .query(CallTracker::map).optional();
    }

    Optional<VoiceCall> get(long ws, long id) {
        return jdbc.sql("SELECT * FROM voice_call WHERE workspace_id = ? AND id = ?").params(ws, id).query(CallTracker::map)
                .optional();
    }

    List<VoiceCall> list(long ws, Long customerId, int limit) {
        return jdbc.sql("""
                SELECT * FROM voice_call WHERE workspace_id = ? AND (CAST(? AS BIGINT) IS NULL OR customer_id = ?)
                ORDER BY started_at DESC, id DESC LIMIT ?""")
                .params(ws, customerId, customerId, limit).query(CallTracker::map).list();
    }

    void wrapUp(long ws, long id, String notes, String disposition) {
        jdbc.sql("UPDATE voice_call SET wrap_up = ?, disposition = COALESCE(?, disposition), updated_at = ? WHERE id = ? AND workspace_id = ?")
                .params(notes, disposition, Sql.ts(Instant.now()), id, ws).update();
    }

    private static VoiceCall map(ResultSet rs, int row) throws SQLException {
        Integer duration = rs.getObject("duration_seconds") == null ? null : rs.getInt("duration_seconds");
        return new VoiceCall(rs.getLong("id"), rs.getLong("inbox_id"), rs.getString("provider"), rs.getString("call_ref"),
                rs.getString("direction"), rs.getString("from_number"), rs.getString("to_number"),
                Sql.longOrNull(rs, "customer_id"), Sql.longOrNull(rs, "conversation_id"), rs.getString("status"),
                Sql.longOrNull(rs, "agent_id"), rs.getString("agent_ref"), Sql.instant(rs, "started_at"),
                Sql.instant(rs, "answered_at"), Sql.instant(rs, "ended_at"), duration, rs.getString("recording_url"),
                rs.getBoolean("voicemail"), rs.getString("disposition"), rs.getString("wrap_up"));
    }
}
