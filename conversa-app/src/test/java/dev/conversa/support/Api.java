package dev.conversa.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for API tests: real requests to the running server, JSON parsed for assertions. */
public final class Api {
    public static final String BOOTSTRAP_TOKEN = "test-bootstrap-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String token;

    public Api(int port, String token) {
        this.base = "http://localhost:" + port;
        this.token = token;
    }

    public Api as(String otherToken) {
        return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), otherToken);
    }

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response get(String path) {
        return send("GET", path, null, "application/json");
    }

    /** A GET that accepts any media type (metrics, HTML pages). */
    public Response getAny(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json, "application/json");
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json, "application/json");
    }

    public Response put(String path, String json) {
        return send("PUT", path, json, "application/json");
    }

    public Response send(String method, String path, String body, String contentType) {
        var builder = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", contentType == null ? "*/*" : "application/json, application/problem+json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            builder.header("Content-Type", contentType);
        }
        builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A workspace with an admin token, created through the API with the bootstrap token. */
    public record TestWorkspace(long id, String slug, String adminToken, long adminId) {
    }

    public TestWorkspace createWorkspace(String name) {
        String slug = "ws-" + UUID.randomUUID().toString().substring(0, 8);
        Response r = as(BOOTSTRAP_TOKEN).post("/api/v1/workspaces", """
                {"slug":"%s","name":"%s","timeZone":"Europe/Madrid","admin":{"email":"admin@%s.test","name":"Admin %s","password":"correct-horse-battery"}}
                """.formatted(slug, name, slug, name));
        if (r.status() != 201) {
            throw new AssertionError("workspace not created: " + r);
        }
        JsonNode json = r.json();
        return new TestWorkspace(json.get("workspace").get("id").asLong(), slug, json.get("adminToken").get("token").asString(),
                json.get("admin").get("id").asLong());
    }

    public static String quote(String s) {
        return JSON.writeValueAsString(s);
    }
}
