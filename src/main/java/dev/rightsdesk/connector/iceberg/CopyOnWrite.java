package dev.rightsdesk.connector.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.io.CloseableIterable;
import org.jboss.logging.Logger;

/**
 * Copy-on-write rewrite of the data files that hold the subject's rows: each such file is read whole, written again
 * without (erasure) or with corrected (rectification) rows, and swapped in one {@code OverwriteFiles} commit that
 * validates against the snapshot it read. A concurrent writer that adds data the subject may be in, or removes a
 * file being rewritten, makes the commit fail validation; the rewrite then starts over from the new snapshot, so
 * the erasure is retried, never lost. Delete files are refused: an equality delete file would hold the value itself.
 */
final class CopyOnWrite {

    private static final Logger LOG = Logger.getLogger(CopyOnWrite.class);

    /** What one rewrite did. */
    record Outcome(Long snapshotBefore, Long snapshotAfter, List<String> filesRewritten, List<String> filesWritten,
                   long rowsMatched, int attempts, List<Record> originalRows) {
    }

    private final Table table;
    private final SubjectMatch subject;
    private final int maxAttempts;
    /** Test seam: runs after the files are written and before the commit (attempt number). */
    private final IntConsumer beforeCommit;

    CopyOnWrite(Table table, SubjectMatch subject, int maxAttempts, IntConsumer beforeCommit) {
        this.table = table;
        this.subject = subject;
        this.maxAttempts = maxAttempts;
        this.beforeCommit = beforeCommit;
    }

    /**
     * Rewrites every file holding the subject.
     *
     * @param edit returns null to drop a row of the subject, or the row to keep in its place
     * @param dryRun count only, commit nothing
     * @throws ConcurrentChange when every attempt met a conflicting commit
     */
    Outcome rewrite(UnaryOperator<Record> edit, boolean dryRun) throws ConcurrentChange {
        for (int attempt = 1; ; attempt++) {
            table.refresh();
            Snapshot base = table.currentSnapshot();
            if (base == null) {
                return new Outcome(null, null, List.of(), List.of(), 0, attempt, List.of());
            }
            List<DataFile> rewritten = new ArrayList<>();
            List<DataFile> written = new ArrayList<>();
            List<Record> originals = new ArrayList<>();
            long matched = 0;
            try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(base.snapshotId()).planFiles()) {
                for (FileScanTask task : tasks) {
                    List<Record> rows = DataFiles.read(table, task.file());
                    List<Record> kept = new ArrayList<>(rows.size());
                    long hits = 0;
                    for (Record row : rows) {
                        if (subject.matches(row)) {
                            hits++;
                            originals.add(row.copy());
                            Record replacement = edit.apply(row);
                            if (replacement != null) {
                                kept.add(replacement);
                            }
                        } else {
                            kept.add(row);
                        }
                    }
                    if (hits == 0) {
                        continue;
                    }
                    if (!task.deletes().isEmpty()) {
                        throw new UnsupportedOperationException("a data file holding the subject has delete files;"
                                + " compact the table (rewrite data files) first");
                    }
                    matched += hits;
                    rewritten.add(task.file());
                    if (!dryRun && !kept.isEmpty()) {
                        written.add(DataFiles.write(table, table.specs().get(task.file().specId()),
                                task.file().partition(), kept));
                    }
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (dryRun || rewritten.isEmpty()) {
                return new Outcome(base.snapshotId(), base.snapshotId(), paths(rewritten), List.of(), matched, attempt,
                        originals);
            }
            OverwriteFiles overwrite = table.newOverwrite()
                    .validateFromSnapshot(base.snapshotId())
                    .conflictDetectionFilter(subject.conflictFilter())
                    .validateNoConflictingData()
                    .validateNoConflictingDeletes();
            rewritten.forEach(overwrite::deleteFile);
            written.forEach(overwrite::addFile);
            overwrite.set("rightsdesk.operation", "subject-rewrite");
            beforeCommit.accept(attempt);
            try {
                overwrite.commit();
                table.refresh();
                return new Outcome(base.snapshotId(), table.currentSnapshot().snapshotId(), paths(rewritten),
                        paths(written), matched, attempt, originals);
            } catch (ValidationException | CommitFailedException e) {
                // someone committed in between: drop what we wrote and read the table again
                written.forEach(f -> table.io().deleteFile(f.location()));
                LOG.infof("Concurrent commit on %s during a subject rewrite (attempt %d): %s", table.name(), attempt,
                        e.getClass().getSimpleName());
                if (attempt >= maxAttempts) {
                    throw new ConcurrentChange(attempt);
                }
            }
        }
    }

    private static List<String> paths(List<DataFile> files) {
        return files.stream().map(DataFile::location).toList();
    }

    /** Every attempt met a concurrent commit; the task should be retried later. */
    static final class ConcurrentChange extends Exception {
        final int attempts;

        ConcurrentChange(int attempts) {
            super("concurrent commits on every attempt (" + attempts + ")");
            this.attempts = attempts;
        }
    }
}
