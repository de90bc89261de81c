package dev.conversa.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.channel.InboundMessage;
import dev.conversa.channel.IngestionService;
import dev.conversa.customer.IdentityKind;
import dev.conversa.customer.NewIdentity;
import dev.conversa.kernel.Sql;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Incomplete event publications (as a node leaves them when it dies between commit and listener) are resubmitted by
 * the node holding the lease {@code event-publications}, and not by a node that does not hold it.
 */
@ConversaIT
class ResubmissionIT {
    @LocalServerPort
    int port;
    @Autowired
    Resubmission resubmission;
    @Autowired
    Leases leases;
    @Autowired
    LeaseStore store;
    @Autowired
    LeaseProperties properties;
    @Autowired
    IngestionService ingestion;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyTheLeaseHolderResubmitsPublicationsLeftIncomplete() throws Exception {
        Api api = new Api(port, null);
        Api.TestWorkspace workspace = api.createWorkspace("Resubmission");
        long inbox = api.as(workspace.adminToken()).post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
        // as a crashed node leaves them: committed, no listener run; one message's ten minutes old, another's just now
        List<Map<String, Object>> rows = leftIncomplete(workspace.id(), inbox, Duration.ofMinutes(10));
        Api.TestWorkspace young = api.createWorkspace("Resubmission young");
        long youngInbox = api.as(young.adminToken()).post("/api/v1/inboxes", """
                {"name":"API","channel":"API"}""").json().get("id").asLong();
        List<Map<String, Object>> youngRows = leftIncomplete(young.id(), youngInbox, Duration.ZERO);

        // another node holds the lease: this node leaves them alone
        leases.release(Resubmission.LEASE);
        String scope = properties.scope().isEmpty() ? null : properties.scope().substring(0, properties.scope().length() - 1);
        Leases other = new Leases(store, new LeaseProperties(Duration.ofSeconds(30), Duration.ofMillis(100), scope), "other", "0");
        assertThat(other.hold(Resubmission.LEASE)).isPresent();
        resubmission.resubmit();
        Thread.sleep(1000);
        assertThat(incomplete(rows)).isEqualTo(rows.size());

        // it is released (the other node stopped): the next round here resubmits, and the listeners complete them
        other.releaseAll();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            resubmission.resubmit(); // the scheduled round, sooner
            assertThat(incomplete(rows)).isZero();
        });
        // the young one may still be running its listener on another node: it waits for resubmit-older-than
        assertThat(incomplete(youngRows)).isEqualTo(youngRows.size());
        jdbc.sql("DELETE FROM event_publication WHERE completion_date IS NULL AND " + OF_WORKSPACE)
                .params(ofWorkspace(young.id())).update();
    }

    /**
     * The publications of a message, read inside its transaction before any listener ran and rolled back, then stored
     * again as committed and {@code age} old, as a node that died right after the commit leaves them.
     */
    private List<Map<String, Object>> leftIncomplete(long workspaceId, long inbox, Duration age) {
        String externalId = "resubmit-" + UUID.randomUUID();
        List<Map<String, Object>> rows = tx.execute(status -> {
            status.setRollbackOnly();
            ingestion.receive(workspaceId, inbox, new InboundMessage(externalId, null,
                    NewIdentity.of(IdentityKind.EMAIL, externalId + "@example.com"), null, "hola", null, List.of(), null));
            return jdbc.sql("SELECT id, listener_id, event_type, serialized_event FROM event_publication WHERE " + OF_WORKSPACE)
                    .params(ofWorkspace(workspaceId)).query().listOfRows();
        });
        // the workspace's own earlier publications (its inbox being created) may still be there, their listeners not
        // yet done on a busy machine: only those of the rolled-back message are the crashed node's
        rows = rows.stream().filter(row -> jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE id = ?")
                .param(row.get("id")).query(Integer.class).single() == 0).toList();
        assertThat(rows).isNotEmpty();
        for (Map<String, Object> row : rows) {
            jdbc.sql("""
                    INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                        completion_attempts) VALUES (?, ?, ?, ?, ?, 'PUBLISHED', 1)""")
                    .params(row.get("id"), row.get("listener_id"), row.get("event_type"), row.get("serialized_event"),
                            Sql.ts(Instant.now().minus(age))).update();
        }
        return rows;
    }

    /** How many of these publications are still incomplete. */
    private int incomplete(List<Map<String, Object>> rows) {
        return rows.stream().mapToInt(row -> jdbc.sql(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND id = ?")
                .param(row.get("id")).query(Integer.class).single()).sum();
    }

    private static final String OF_WORKSPACE = "(serialized_event LIKE ? OR serialized_event LIKE ?)";

    private static Object[] ofWorkspace(long workspaceId) {
        String ws = "%\"workspaceId\":" + workspaceId;
        return new Object[] {ws + ",%", ws + "}%"};
    }
}
