package dev.conversa.mention;

import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for topics and the queries they group. */
@Repository
class TopicStore {
    private final JdbcClient jdbc;

    TopicStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the workspace has a topic of this name */
    long insert(long ws, String name, TopicKind kind) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO listening_topic (workspace_id, name, kind, created_at) VALUES (?, ?, ?, ?)")
                .params(ws, name, kind.name(), Sql.ts(Instant.now())).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another topic of the workspace has this name */
    boolean update(long ws, long id, String name, TopicKind kind) {
        return jdbc.sql("UPDATE listening_topic SET name = ?, kind = ? WHERE workspace_id = ? AND id = ?")
                .params(name, kind.name(), ws, id).update() == 1;
    }

    void replaceQueries(long topicId, List<Long> queryIds) {
        jdbc.sql("DELETE FROM listening_topic_query WHERE topic_id = ?").param(topicId).update();
        for (long q : queryIds) {
            jdbc.sql("INSERT INTO listening_topic_query (topic_id, query_id) VALUES (?, ?)").params(topicId, q).update();
        }
    }

    boolean delete(long ws, long id) {
        return jdbc.sql("DELETE FROM listening_topic WHERE workspace_id = ? AND id = ?").params(ws, id).update() == 1;
    }

    Optional<Topic> topic(long ws, long id) {
        return topics(ws, id).stream().findFirst();
    }

    List<Topic> topics(long ws) {
        return topics(ws, null);
    }

    /** The workspace's queries among these ids, deleted ones included (their mentions still count). */
    List<Long> existingQueries(long ws, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM listening_query WHERE workspace_id = :ws AND id IN (:ids)")
                .param("ws", ws).param("ids", ids).query(Long.class).list();
    }

    private List<Topic> topics(long ws, Long only) {
        Map<Long, Topic> byId = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM listening_topic WHERE workspace_id = :ws" + (only == null ? "" : " AND id = :id")
                        + " ORDER BY kind, name, id")
                .param("ws", ws).params(only == null ? Map.of() : Map.of("id", only))
                .query((rs, n) -> new Topic(rs.getLong("id"), rs.getString("name"), TopicKind.valueOf(rs.getString("kind")),
                        new ArrayList<>(), Sql.instant(rs, "created_at")))
                .list().forEach(t -> byId.put(t.id(), t));
        if (byId.isEmpty()) {
            return List.of();
        }
        jdbc.sql("SELECT topic_id, query_id FROM listening_topic_query WHERE topic_id IN (:ids) ORDER BY query_id")
                .param("ids", List.copyOf(byId.keySet()))
                .query((rs, n) -> byId.get(rs.getLong("topic_id")).queryIds().add(rs.getLong("query_id")))
                .list();
        return byId.values().stream()
                .map(t -> new Topic(t.id(), t.name(), t.kind(), List.copyOf(t.queryIds()), t.createdAt())).toList();
    }
}
