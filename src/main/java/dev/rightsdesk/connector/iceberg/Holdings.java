package dev.rightsdesk.connector.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Which snapshots of a table hold the subject's rows, and how many: every snapshot still in the table's metadata
 * (time travel can reach each one). Data files are immutable, so each is read once however many snapshots share it.
 */
final class Holdings {

    private final Table table;
    private final SubjectMatch subject;
    private final Map<String, Long> rowsByFile = new HashMap<>();
    private final Map<String, List<Record>> subjectRowsByFile = new HashMap<>();

    Holdings(Table table, SubjectMatch subject) {
        this.table = table;
        this.subject = subject;
    }

    /** Snapshot id to the number of the subject's rows it holds, oldest first; snapshots without any are left out. */
    Map<Long, Long> rowsBySnapshot() {
        Map<Long, Long> out = new LinkedHashMap<>();
        table.snapshots().forEach(s -> {
            long rows = rows(s);
            if (rows > 0) {
                out.put(s.snapshotId(), rows);
            }
        });
        return out;
    }

    long rows(Snapshot snapshot) {
        long total = 0;
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                total += rowsByFile.computeIfAbsent(task.file().location(), loc -> {
                    List<Record> mine = DataFiles.read(table, task.file()).stream().filter(subject::matches).toList();
                    subjectRowsByFile.put(loc, mine);
                    return (long) mine.size();
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    /** The subject's rows in one snapshot (for an access answer). */
    List<Record> subjectRows(Snapshot snapshot) {
        rows(snapshot);
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(snapshot.snapshotId()).planFiles()) {
            List<Record> out = new java.util.ArrayList<>();
            for (FileScanTask task : tasks) {
                out.addAll(subjectRowsByFile.getOrDefault(task.file().location(), List.of()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
