package dev.conversa.mention;

import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The persisted resume position of each public stream. */
@Repository
class StreamCursorStore {
    private final JdbcClient jdbc;

    StreamCursorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    OptionalLong position(String source) {
        return jdbc.sql("SELECT position FROM listening_stream_cursor WHERE source = ?").param(source).query(Long.class)
                .optional().map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    void save(String source, long position) {
        int updated = jdbc.sql("UPDATE listening_stream_cursor SET position = ?, updated_at = ? WHERE source = ?")
                .params(position, Sql.ts(Instant.now()), source).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO listening_stream_cursor (source, position, updated_at) VALUES (?, ?, ?)")
                    .params(source, position, Sql.ts(Instant.now())).update();
        }
    }
}
