package dev.conversa.reporting;

import dev.conversa.kernel.Actor;
import dev.conversa.kernel.Role;
import java.time.Instant;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-conversation export: one row per conversation opened in a range, handed over one at a time as the
 * database cursor yields it, so a caller that writes each row out (the API's CSV and JSON) never holds the range in
 * memory.
 */
@Service
public class ConversationExport {
    private final ExportQuery query;
    private final TransactionTemplate readOnly;

    ConversationExport(ExportQuery query, PlatformTransactionManager transactions) {
        this.query = query;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Checks the actor and the range (before anything is handed over, so a refusal can still be answered as a
     * problem), then the conversations of the actor's workspace opened in [from, to) by opening time.
     *
     * @param from default: 30 days before {@code to}
     * @param to   default: now; the range spans at most 366 days
     * @return a run that streams the rows to {@code sink} inside one read-only transaction
     */
    public Run prepare(Instant from, Instant to, Actor actor) {
        actor.require(Role.SUPERVISOR);
        long ws = actor.workspace();
        ReportRange range = ReportRange.of(from, to);
        return sink -> readOnly.executeWithoutResult(tx -> query.each(ws, range.from(), range.to(), sink));
    }

    /** An export checked and ready to run. */
    @FunctionalInterface
    public interface Run {
        void to(Consumer<ExportedConversation> sink);
    }
}
