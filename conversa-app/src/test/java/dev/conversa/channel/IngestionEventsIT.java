package dev.conversa.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a message costs in stored event publications: only modules with work to do get one. Each message is ingested
 * in a transaction that is rolled back, so the publications can be read before any listener runs and removes them.
 */
@ConversaIT
class IngestionEventsIT {
    @LocalServerPort
    int port;
    @Autowired
    IngestionService ingestion;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    Api admin;
    Api.TestWorkspace workspace;
    long inbox;

    @BeforeEach
    void setUp() {
        Api api = new Api(port, null);
        workspace = api.createWorkspace("Events");
        admin = api.as(workspace.adminToken());
        inbox = admin.post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
    }

    @Test
    void aMessageWakesAutomationAndSlaOnlyInAWorkspaceWithARuleOrAPolicy() {
        assertThat(listenersOf("first")).noneMatch(l -> l.contains("AutomationListener") || l.contains("SlaTimers"));
        assertThat(listenersOf("first")).anyMatch(l -> l.contains("RoutingListener.on(dev.conversa.conversation.ConversationEvents$ConversationOpened)"));

        assertThat(admin.post("/api/v1/automation-rules", """
                {"name":"Facturas","trigger":"MESSAGE_RECEIVED","conditions":[{"field":"body","op":"CONTAINS","value":"factura"}],
                 "actions":[{"type":"ADD_TAG","value":"billing"}]}""").status()).isEqualTo(201);
        List<String> withRule = listenersOf("second");
        assertThat(withRule).anyMatch(l -> l.contains("AutomationListener.on(dev.conversa.conversation.ConversationEvents$MessageReceived)"));
        assertThat(withRule).noneMatch(l -> l.contains("SlaTimers"));

        assertThat(admin.post("/api/v1/sla-policies", """
                {"name":"Todo","firstResponseMinutes":60}""").status()).isEqualTo(201);
        List<String> withPolicy = listenersOf("third");
        assertThat(withPolicy).anyMatch(l -> l.contains("SlaTimers.on(dev.conversa.conversation.ConversationEvents$MessageReceived)"));
        assertThat(withPolicy).anyMatch(l -> l.contains("SlaTimers.on(dev.conversa.conversation.ConversationEvents$ConversationOpened)"));
    }

    /** The listeners that got a publication for a first message from a new customer, rolled back afterwards. */
    private List<String> listenersOf(String externalId) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            ingestion.receive(workspace.id(), inbox, new InboundMessage(externalId, null,
                    NewIdentity.of(IdentityKind.EMAIL, externalId + "@example.com"), null, "¿Dónde está mi factura?", null,
                    List.of(), null));
            String ws = "%\"workspaceId\":" + workspace.id();
            return jdbc.sql("SELECT listener_id FROM event_publication WHERE serialized_event LIKE ? OR serialized_event LIKE ?")
                    .params(ws + ",%", ws + "}%").query(String.class).list();
        });
    }
}
