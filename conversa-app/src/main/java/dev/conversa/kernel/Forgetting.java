package dev.conversa.kernel;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** For per-node memories of database facts (remembered answers, verified tokens) that a change must drop. */
public final class Forgetting {
    private Forgetting() {
    }

    /**
     * Runs {@code forget} now and, inside a transaction, again once it ends: a reader racing the commit could
     * otherwise remember the old value again just before the change becomes visible.
     */
    public static void nowAndAfterTransaction(Runnable forget) {
        forget.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget.run();
                }
            });
        }
    }
}
