package dev.rightsdesk.platform.persistence;

import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Rows collected during a JTA transaction and written together by one callback just before it commits (the
 * outbox's events, the audit trail's entries). Written inside the transaction: if the writer fails, the transaction
 * rolls back with everything else it did; if the transaction rolls back first, nothing is written.
 */
public final class BeforeCommitBuffer {

    private BeforeCommitBuffer() {
    }

    /**
     * The current transaction's list under {@code key}, created (with {@code writer} registered to run before
     * completion) on first use. Add to it; the writer gets whatever it holds then, in the order it was added.
     */
    @SuppressWarnings("unchecked")
    public static <T> List<T> rows(TransactionSynchronizationRegistry transactions, Object key, Consumer<List<T>> writer) {
        List<T> rows = (List<T>) transactions.getResource(key);
        if (rows == null) {
            List<T> created = new ArrayList<>();
            transactions.putResource(key, created);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (!created.isEmpty()) {
                        writer.accept(created);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing: the rows are written, or rolled back with the transaction
                }
            });
            rows = created;
        }
        return rows;
    }
}
