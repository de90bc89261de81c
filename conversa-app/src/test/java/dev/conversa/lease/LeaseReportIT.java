package dev.conversa.lease;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /actuator/info} shows who this node is and the leases it holds, with their tokens and expiry. */
@ConversaIT
class LeaseReportIT {
    @LocalServerPort
    int port;
    @Autowired
    Leases leases;

    @Test
    void infoListsTheLeasesThisNodeHolds() {
        String name = "test:report-" + UUID.randomUUID();
        Lease lease = leases.hold(name).orElseThrow();
        try {
            JsonNode report = new Api(port, null).get("/actuator/info").json().get("leases");
            assertThat(report.get("holder").asString()).isEqualTo(leases.holder());
            JsonNode held = null;
            for (JsonNode l : report.get("held")) {
                if (l.get("name").asString().equals(name)) {
                    held = l;
                }
            }
            assertThat(held).as("lease %s in %s", name, report).isNotNull();
            assertThat(held.get("token").asLong()).isEqualTo(lease.token());
            assertThat(held.get("expiresAt").asString()).isEqualTo(lease.expiresAt().toString());
        } finally {
            leases.release(name);
        }
        assertThat(new Api(port, null).get("/actuator/info").body()).doesNotContain(name);
    }
}
