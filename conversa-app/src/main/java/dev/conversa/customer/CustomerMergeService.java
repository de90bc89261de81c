package dev.conversa.customer;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.ConflictException;
import dev.conversa.kernel.InvalidInputException;
import dev.conversa.kernel.NotFoundException;
import dev.conversa.kernel.Sql;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two profiles of the same person and undoes a merge. The merged profile is kept (marked
 * {@code merged_into_id}) so an undo restores exactly the identities and conversations it had. Both actions
 * are audited through {@link CustomerEvents.CustomerUpdated}.
 */
@Service
public class CustomerMergeService {
    private final JdbcClient jdbc;
    private final CustomerService customers;
    private final ApplicationEventPublisher events;

    CustomerMergeService(JdbcClient jdbc, CustomerService customers, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.events = events;
    }

    @Transactional
    public CustomerMerge merge(long survivorId, long mergedId, Actor actor) {
        if (survivorId == mergedId) {
            throw new InvalidInputException("mergedId", "a customer cannot be merged into itself");
        }
        Customer survivor = customers.get(survivorId, actor);
        Customer merged = customers.get(mergedId, actor);
        if (survivor.mergedIntoId() != null || merged.mergedIntoId() != null) {
            throw new ConflictException("mergedId", "one of these customers was already merged into another");
        }
        long ws = actor.workspace();
        List<Long> identityIds = merged.identities().stream().map(CustomerIdentity::id).toList();
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_merge (workspace_id, survivor_id, merged_id, identity_ids, merged_by, merged_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(ws, survivorId, mergedId, identityIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                        actor.userId(), Sql.ts(now))
                .update(keys, "id");
        long mergeId = keys.getKey().longValue();
        jdbc.sql("UPDATE customer_identity SET customer_id = ? WHERE workspace_id = ? AND customer_id = ?")
                .params(survivorId, ws, mergedId).update();
        jdbc.sql("UPDATE customer SET merged_into_id = ?, updated_at = ? WHERE id = ? AND workspace_id = ?")
                .params(survivorId, Sql.ts(now), mergedId, ws).update();
        events.publishEvent(new CustomerMergeEvents.CustomersMerged(ws, mergeId, survivorId, mergedId, actor.userId()));
        events.publishEvent(new CustomerEvents.CustomerUpdated(ws, survivorId,
                "merged customer " + mergedId + " (" + merged.name() + ") into it, merge " + mergeId, actor.userId()));
        return find(ws, mergeId);
    }

    @Transactional
    public CustomerMerge undo(long mergeId, Actor actor) {
        long ws = actor.workspace();
        CustomerMerge merge = find(ws, mergeId);
        if (merge.undoneAt() != null) {
            throw new ConflictException("mergeId", "this merge was already undone");
        }
        String ids = jdbc.sql("SELECT identity_ids FROM customer_merge WHERE id = ?").param(mergeId).query(String.class).single();
        List<Long> identityIds = ids.isBlank() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
        if (!identityIds.isEmpty()) {
            jdbc.sql("UPDATE customer_identity SET customer_id = :merged WHERE workspace_id = :ws AND id IN (:ids)")
                    .param("merged", merge.mergedId()).param("ws", ws).param("ids", identityIds).update();
        }
        Instant now = Instant.now();
        jdbc.sql("UPDATE customer SET merged_into_id = NULL, updated_at = ? WHERE id = ? AND workspace_id = ?")
                .params(Sql.ts(now), merge.mergedId(), ws).update();
        jdbc.sql("UPDATE customer_merge SET undone_at = ? WHERE id = ?").params(Sql.ts(now), mergeId).update();
        events.publishEvent(new CustomerMergeEvents.MergeUndone(ws, mergeId, merge.survivorId(), merge.mergedId(), actor.userId()));
        events.publishEvent(new CustomerEvents.CustomerUpdated(ws, merge.survivorId(),
                "undid merge " + mergeId + " of customer " + merge.mergedId(), actor.userId()));
        return find(ws, mergeId);
    }

    /** Merges into this customer that can still be undone, newest first. */
    public List<CustomerMerge> undoable(long survivorId, Actor actor) {
        return jdbc.sql("""
                SELECT * FROM customer_merge WHERE workspace_id = ? AND survivor_id = ? AND undone_at IS NULL ORDER BY id DESC""")
                .params(actor.workspace(), survivorId).query((rs, n) -> map(rs)).list();
    }

    private CustomerMerge find(long ws, long id) {
        return jdbc.sql("SELECT * FROM customer_merge WHERE workspace_id = ? AND id = ?").params(ws, id)
                .query((rs, n) -> map(rs)).optional().orElseThrow(() -> new NotFoundException("merge", id));
    }

    private static CustomerMerge map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CustomerMerge(rs.getLong("id"), rs.getLong("survivor_id"), rs.getLong("merged_id"),
                Sql.longOrNull(rs, "merged_by"), Sql.instant(rs, "merged_at"), Sql.instant(rs, "undone_at"));
    }
}
