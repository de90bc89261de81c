package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.ConversaIT;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The reporting facts follow a customer merge made in the console (first-contact resolution then sees one person),
 * and its undo puts them back.
 */
@ConversaIT
class ReportingMergeIT {
    @LocalServerPort
    int port;

    @Test
    void mergedCustomersConversationsBelongToTheSurvivorInTheFacts() {
        var fx = new ConsoleFixture(port, "Merge facts " + System.nanoTime());
        long inbox = fx.inbox("Door", "API");
        long first = fx.inbound(inbox, "m-1", "t-1", "ana", "Ana", "Hola");
        long second = fx.inbound(inbox, "m-2", "t-2", "ana_otra", "Ana (otra cuenta)", "Hola otra vez");
        long survivor = fx.conversation(first).get("customerId").asLong();
        long merged = fx.conversation(second).get("customerId").asLong();
        assertThat(merged).isNotEqualTo(survivor);
        await().atMost(Duration.ofSeconds(10)).until(() -> customers(fx).size() == 2);

        ConsoleSession owner = ConsoleSession.login(port, fx.adminEmail);
        var panel = owner.post("/customers/" + survivor + "/merge", "other", String.valueOf(merged));
        assertThat(panel.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(customers(fx)).allSatisfy(r -> assertThat(r.get("customerId").asLong()).isEqualTo(survivor)));

        long mergeId = Long.parseLong(ConsoleSession.token(panel.body(), "/customers/merges/(\\d+)/undo"));
        assertThat(owner.post("/customers/merges/" + mergeId + "/undo").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode rows = customers(fx);
            assertThat(rows.get(0).get("customerId").asLong()).isEqualTo(survivor);
            assertThat(rows.get(1).get("customerId").asLong()).isEqualTo(merged);
        });
    }

    private static JsonNode customers(ConsoleFixture fx) {
        return fx.admin.get("/api/v1/reports/conversations/export.json").json();
    }
}
