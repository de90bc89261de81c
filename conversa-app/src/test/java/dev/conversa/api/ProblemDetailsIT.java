package dev.conversa.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 2, done means 4: anonymous calls and bad input get RFC 9457 problems, and nothing is half-written. */
@ConversaIT
class ProblemDetailsIT {
    @LocalServerPort
    int port;
    Api api;
    Api admin;

    @BeforeEach
    void setUp() {
        api = new Api(port, null);
        admin = api.as(api.createWorkspace("Problems").adminToken());
    }

    @Test
    void anonymousGets401ProblemJson() {
        var r = api.get("/api/v1/customers");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("status").asInt()).isEqualTo(401);
        assertThat(r.json().get("title").asString()).isEqualTo("Unauthorized");
    }

    @Test
    void unknownTokenGets401() {
        var r = api.as("cnv_not-a-real-token").get("/api/v1/customers");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformedJsonNamesThePosition() {
        var r = admin.post("/api/v1/customers", "{\"name\": \"Ana\",, }");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("title").asString()).isEqualTo("Malformed JSON");
        assertThat(r.json().get("detail").asString()).contains("line 1, column");
    }

    @Test
    void wrongTypeNamesTheField() {
        var r = admin.post("/api/v1/customers", """
                {"name":"Ana","vip":"very"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("vip");

        var badEnum = admin.post("/api/v1/customers", """
                {"name":"Ana","identities":[{"kind":"CARRIER_PIGEON","value":"x"}]}""");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("identities[0].kind");
    }

    @Test
    void missingRequiredFieldIsNamed() {
        var r = admin.post("/api/v1/customers", """
                {"email":"nobody@example.com"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("errors")).anySatisfy(e -> assertThat(e.get("field").asString()).isEqualTo("name"));
    }

    @Test
    void oversizedBodyGets413AndStoresNothing() {
        String big = "x".repeat(70 * 1024);
        var r = admin.post("/api/v1/customers", "{\"name\":\"Big\",\"attributes\":{\"blob\":\"" + big + "\"}}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(admin.get("/api/v1/customers?q=Big").json().get("total").asLong()).isZero();
    }

    @Test
    void aFailureHalfWayRollsBackEverything() {
        admin.post("/api/v1/customers", """
                {"name":"First","identities":[{"kind":"EMAIL","value":"taken@example.com"}]}""");
        var r = admin.post("/api/v1/customers", """
                {"name":"Second","identities":[{"kind":"PHONE","value":"+34911222333"},{"kind":"EMAIL","value":"taken@example.com"}]}""");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("identities[1].value");
        assertThat(admin.get("/api/v1/customers?q=Second").json().get("total").asLong()).isZero();
        assertThat(admin.get("/api/v1/customers?q=34911222333").json().get("total").asLong()).isZero();
    }

    @Test
    void badQueryParameterIsNamed() {
        var r = admin.get("/api/v1/conversations?status=DONE");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("status");
        var size = admin.get("/api/v1/customers?size=5000");
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().get("errors").get(0).get("field").asString()).isEqualTo("size");
    }

    @Test
    void agentsCannotConfigureInboxes() {
        var agentToken = admin.post("/api/v1/tokens", """
                {"name":"agent bot","role":"AGENT"}""").json().get("token").asString();
        var r = api.as(agentToken).post("/api/v1/inboxes", """
                {"name":"Nope","channel":"EMAIL"}""");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }
}
