package dev.conversa.routing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One routing decision per workspace at a time, held until the transaction that writes the assignments ends: a
 * router that started after it then reads agents' loads with those assignments committed. On this node a lock per
 * workspace; on PostgreSQL also a transaction-scoped advisory lock, which serialises the nodes sharing the database
 * and is released by PostgreSQL itself when the transaction commits or rolls back.
 */
@Component
class RoutingLock {
    /** The first key of the two-key advisory lock: "ROUT", so routing's locks collide with no one else's. */
    static final int ADVISORY_CLASS = 0x524F5554;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final boolean postgres;
    private final Map<Long, ReentrantLock> local = new ConcurrentHashMap<>();

    RoutingLock(JdbcClient jdbc, DataSource dataSource, TransactionTemplate tx) throws SQLException {
        this.jdbc = jdbc;
        this.tx = tx;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        }
    }

    /**
     * Runs {@code decide} holding the workspace's lock until its transaction ends. Called outside a transaction (a
     * module listener), the lock is taken first and the transaction opened inside it, so the routers waiting here hold
     * no pooled connection; called inside one (an admin's change), the lock lasts until that transaction ends.
     */
    void serialise(long workspaceId, Runnable decide) {
        ReentrantLock lock = local.computeIfAbsent(workspaceId, k -> new ReentrantLock());
        lock.lock();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    lock.unlock();
                }
            });
            acrossNodes(workspaceId);
            decide.run();
            return;
        }
        try {
            tx.executeWithoutResult(status -> {
                acrossNodes(workspaceId);
                decide.run();
            });
        } finally {
            lock.unlock();
        }
    }

    private void acrossNodes(long workspaceId) {
        if (postgres) {
            jdbc.sql("SELECT pg_advisory_xact_lock(?, ?)").params(ADVISORY_CLASS, Math.toIntExact(workspaceId))
                    .query((rs, n) -> 1).list();
        }
    }
}
