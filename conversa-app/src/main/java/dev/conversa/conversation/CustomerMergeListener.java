package dev.conversa.conversation;

import dev.conversa.customer.CustomerMergeEvents;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves a merged customer's conversations to the survivor, and back on undo. A plain (synchronous) listener on
 * purpose: it runs in the merge's transaction, so a merge never commits half done.
 */
@Component
class CustomerMergeListener {
    private final JdbcClient jdbc;

    CustomerMergeListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CustomerMergeEvents.CustomersMerged e) {
        jdbc.sql("""
                INSERT INTO conversation_customer_move (merge_id, conversation_id, from_customer)
                SELECT ?, id, customer_id FROM conversation WHERE workspace_id = ? AND customer_id = ?""")
                .params(e.mergeId(), e.workspaceId(), e.mergedId()).update();
        jdbc.sql("UPDATE conversation SET customer_id = ? WHERE workspace_id = ? AND customer_id = ?")
                .params(e.survivorId(), e.workspaceId(), e.mergedId()).update();
    }

    @EventListener
    void on(CustomerMergeEvents.MergeUndone e) {
        jdbc.sql("""
                UPDATE conversation SET customer_id = ? WHERE workspace_id = ?
                  AND id IN (SELECT conversation_id FROM conversation_customer_move WHERE merge_id = ?)""")
                .params(e.mergedId(), e.workspaceId(), e.mergeId()).update();
    }
}
