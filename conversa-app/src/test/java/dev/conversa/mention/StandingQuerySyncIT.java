package dev.conversa.mention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.kernel.Actor;
import dev.conversa.support.Api;
import dev.conversa.support.ConversaIT;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Several nodes: a query another node added or deleted (only the database knows) starts or stops matching here. */
@ConversaIT
class StandingQuerySyncIT {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StandingQueryIndex index;
    @Autowired
    MentionService mentions;

    @Test
    void queriesChangedByAnotherNodeAreAppliedOnTheNextSync() {
        long ws = new Api(port, Api.BOOTSTRAP_TOKEN).createWorkspace("Sync").id();
        String brand = "sync" + System.nanoTime();
        Actor source = Actor.system(ws);
        index.sync();
        jdbc.update("INSERT INTO listening_query (workspace_id, name, query_text, created_at) VALUES (?, ?, ?, ?)",
                ws, "Other node", brand + " AND retraso*", Timestamp.from(Instant.now()));
        PublicPost post = new PublicPost("twitter", "s-1", brand + " retrasos otra vez", "@a", null, null, null, null, null, null, null);
        assertThat(mentions.ingest(post, source).matched()).as("not yet seen by this node").isZero();

        index.sync();
        assertThat(mentions.ingest(post, source).stored()).isEqualTo(1);

        jdbc.update("UPDATE listening_query SET deleted_at = ? WHERE workspace_id = ?", Timestamp.from(Instant.now()), ws);
        index.sync();
        PublicPost later = new PublicPost("twitter", "s-2", brand + " retrasos", "@a", null, null, null, null, null, null, null);
        assertThat(mentions.ingest(later, source).matched()).isZero();
    }
}
