package dev.conversa.channel.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.conversation.ConversationEvents.ReplyQueued;
import dev.conversa.conversation.Visibility;
import dev.conversa.kernel.ChannelType;
import dev.conversa.kernel.Sql;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a restart does to the outbound queue: a republished ReplyQueued (Modulith republishes incomplete events on
 * start) queues nothing twice, and a delivery whose node died mid-send is taken over once its lease expires.
 */
@ConversaIT
class OutboundRestartIT {
    @LocalServerPort
    int port;
    @Autowired
    OutboundDispatcher dispatcher;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aRepublishedEventQueuesNothingTwiceAndAnExpiredLeaseIsTakenOver() {
        Api api = new Api(port, null);
        var ws = api.createWorkspace("Restart");
        Api admin = api.as(ws.adminToken());
        // A web chat reply: delivered by storing, so the test needs no provider.
        long inbox = admin.post("/api/v1/inboxes", """
                {"name":"Web","channel":"WEBCHAT"}""").json().get("id").asLong();
        String token = api.post("/widget/api/" + inbox + "/session", "{\"name\":\"Eva\"}").json().get("token").asString();
        api.post("/widget/api/" + inbox + "/messages", """
                {"token":"%s","clientId":"1","body":"Hola"}""".formatted(token));
        long c = admin.get("/api/v1/conversations?channel=WEBCHAT").json().get("items").get(0).get("id").asLong();
        long reply = admin.post("/api/v1/conversations/" + c + "/messages", "{\"body\":\"¡Hola, Eva!\"}").json().get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(reply).equals("SENT"));

        dispatcher.on(new ReplyQueued(ws.id(), c, reply, inbox, ChannelType.WEBCHAT, Visibility.PRIVATE, ws.adminId()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outbound_delivery WHERE message_id = ?").param(reply).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(dispatcher.runOnce()).isZero();

        // Simulate a node that claimed a second reply and died before recording the outcome.
        long second = admin.post("/api/v1/conversations/" + c + "/messages", "{\"body\":\"¿Algo más?\"}").json().get("id").asLong();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(second).equals("SENT"));
        jdbc.sql("UPDATE outbound_delivery SET status = 'SENDING', lease_owner = 'dead-node', lease_until = ? WHERE message_id = ?")
                .params(Sql.ts(Instant.now().minusSeconds(1)), second).update();
        jdbc.sql("UPDATE message SET delivery_status = 'QUEUED' WHERE id = ?").param(second).update();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> status(second).equals("SENT"));
        assertThat(jdbc.sql("SELECT attempts FROM outbound_delivery WHERE message_id = ?").param(second).query(Integer.class)
                .single()).isEqualTo(2);
    }

    private String status(long messageId) {
        return jdbc.sql("SELECT delivery_status FROM message WHERE id = ?").param(messageId).query(String.class).single();
    }
}
