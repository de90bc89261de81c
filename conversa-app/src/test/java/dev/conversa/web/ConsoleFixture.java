package dev.conversa.web;

import dev.conversa.support.Api;
import tools.jackson.databind.JsonNode;

/** A workspace for console tests, filled through the REST API like a real integration would. */
final class ConsoleFixture {
    static final String PASSWORD = "correct-horse-battery";

    final Api admin;
    final Api.TestWorkspace workspace;
    final String adminEmail;

    ConsoleFixture(int port, String name) {
        Api api = new Api(port, null);
        workspace = api.createWorkspace(name);
        admin = api.as(workspace.adminToken());
        adminEmail = "admin@" + workspace.slug() + ".test";
    }

    long inbox(String name, String channel) {
        return admin.post("/api/v1/inboxes", """
                {"name":%s,"channel":"%s"}""".formatted(Api.quote(name), channel)).json().get("id").asLong();
    }

    long user(String email, String name, String role) {
        var r = admin.post("/api/v1/users", """
                {"email":"%s","name":%s,"role":"%s","password":"%s"}""".formatted(email, Api.quote(name), role, PASSWORD));
        if (r.status() != 201) {
            throw new AssertionError("user not created: " + r);
        }
        return r.json().get("id").asLong();
    }

    /** A customer message arriving on an inbox; returns the conversation id. */
    long inbound(long inbox, String externalId, String thread, String authorId, String authorName, String body) {
        var r = admin.post("/api/v1/inboxes/" + inbox + "/messages", """
                {"externalId":"%s","threadKey":"%s","from":{"kind":"TWITTER","value":"%s","name":%s,"handle":"@%s"},
                 "body":%s,"visibility":"PUBLIC"}""".formatted(externalId, thread, authorId, Api.quote(authorName),
                authorId, Api.quote(body)));
        if (r.status() != 201 && r.status() != 200) {
            throw new AssertionError("message not ingested: " + r);
        }
        return r.json().get("conversationId").asLong();
    }

    JsonNode conversation(long id) {
        return admin.get("/api/v1/conversations/" + id).json();
    }

    JsonNode messages(long id) {
        return admin.get("/api/v1/conversations/" + id + "/messages?size=200").json().get("items");
    }
}
