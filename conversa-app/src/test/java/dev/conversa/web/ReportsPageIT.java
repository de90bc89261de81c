package dev.conversa.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.support.ConversaIT;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console's conversation report: the supervisor's table by channel and inbox, its CSV link; agents refused. */
@ConversaIT
class ReportsPageIT {
    @LocalServerPort
    int port;

    @Test
    void aSupervisorSeesTheFiguresAndAnAgentDoesNot() {
        var fx = new ConsoleFixture(port, "Reports page " + System.nanoTime());
        long inbox = fx.inbox("Web API", "API");
        long answered = fx.inbound(inbox, "r-1", "t-1", "ana", "Ana", "¿Dónde está mi pedido?");
        fx.inbound(inbox, "r-2", "t-2", "bea", "Bea", "Hola");
        assertThat(fx.admin.post("/api/v1/conversations/" + answered + "/messages", """
                {"body":"Ya sale hoy","visibility":"PRIVATE"}""").status()).isEqualTo(201);
        fx.admin.patch("/api/v1/conversations/" + answered, "{\"status\":\"RESOLVED\"}");
        ConsoleSession admin = ConsoleSession.login(port, fx.adminEmail);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(admin.get("/reports").body()).contains("id=\"group-API\""));
        String page = admin.get("/reports").body();
        assertThat(page).contains("<td class=\"opened\">2</td>").contains("<td class=\"answered\">1</td>")
                .contains("<td class=\"awaiting\">1</td>").contains("<td class=\"resolved\">1</td>")
                .contains("<td class=\"reopen\">0.0 %</td>").contains("id=\"csv-link\"")
                .contains("/api/v1/reports/conversations.csv?from=");
        assertThat(admin.get("/inbox").body()).contains("class=\"nav-reports\"");

        // the new figures: next response and first-contact columns, volume by agent with names, SLA, backlog, export
        assertThat(page).contains("<td class=\"next-response\">").contains("<td class=\"fcr\"")
                // the reply was written through the admin's API token, whose own identity authors it
                .contains("id=\"volume-none\"").contains("<td class=\"outbound\">1</td>")
                .contains("id=\"volume-csv-link\"").contains("/api/v1/reports/volume.csv?from=")
                .contains("id=\"sla-FIRST_RESPONSE\"").contains("id=\"backlog-table\"")
                .contains("<td class=\"open\">1</td>").contains("id=\"export-link\"")
                .contains("/api/v1/reports/conversations/export.csv?from=");
        String byChannelVolume = admin.get("/reports?volumeBy=channel").body();
        assertThat(byChannelVolume).contains("id=\"volume-API\"");
        assertThat(admin.get("/reports?volumeBy=planet").status()).isEqualTo(400);
        String spanish = ConsoleSession.login(port, fx.adminEmail, "es").get("/reports").body();
        assertThat(spanish).contains("Resolución al primer contacto").contains("Cumplimiento de SLA");

        String byInbox = admin.get("/reports?by=inbox").body();
        assertThat(byInbox).contains("id=\"group-" + inbox + "\"").contains(">Inbox " + inbox + "<");

        var bad = admin.get("/reports?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        var backwards = admin.get("/reports?from=2026-12-10&to=2026-12-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("role=\"alert\"").contains("from must be before to");

        fx.user("agent.reports@" + fx.workspace.slug() + ".test", "Rita Agent", "AGENT");
        var agent = ConsoleSession.login(port, "agent.reports@" + fx.workspace.slug() + ".test");
        assertThat(agent.get("/reports").status()).isEqualTo(403);
    }

    @Test
    void durationsReadAsHoursAndMinutes() {
        assertThat(ReportsController.duration(null)).isEqualTo("–");
        assertThat(ReportsController.duration(42L)).isEqualTo("42 s");
        assertThat(ReportsController.duration(720L)).isEqualTo("12 min");
        assertThat(ReportsController.duration(4 * 3600L + 5 * 60 + 59)).isEqualTo("4 h 05 min");
    }
}
