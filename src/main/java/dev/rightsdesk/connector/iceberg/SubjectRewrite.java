package dev.rightsdesk.connector.iceberg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.iceberg.residue.ResidueScanner;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;

/**
 * The erasure recipe, in this order, each step in the evidence: metrics {@code none} on personal columns; find the
 * snapshots holding the subject; refuse or drop tags/branches pinning them; copy-on-write rewrite (retried on
 * concurrent commits); expire the holding snapshots by id; rewrite manifests and expire the replaced snapshot and any
 * whose manifests still hold a value; remove orphan files; then the final check over every reachable file and every
 * file under the table location. Rectification runs the same steps with an edit instead of a removal.
 */
final class SubjectRewrite {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** The result of a run: evidence and the holding snapshots with their row counts (before the rewrite). */
    record Done(ObjectNode evidence, Map<Long, Long> holding, long rowsMatched, List<Record> originalRows) {
    }

    private final Table table;
    private final IcebergSettings settings;
    private final SubjectMatch subject;
    private final IntConsumer beforeCommit;

    SubjectRewrite(Table table, IcebergSettings settings, SubjectMatch subject, IntConsumer beforeCommit) {
        this.table = table;
        this.settings = settings;
        this.subject = subject;
        this.beforeCommit = beforeCommit;
    }

    /**
     * @param edit null drops a row of the subject, else returns the corrected row
     * @param residueFor builds the final check from the subject's original rows
     */
    Done run(UnaryOperator<Record> edit, java.util.function.Function<List<Record>, ResidueScanner> residueFor,
             boolean dryRun) throws ConnectorFailure {
        ObjectNode ev = JSON.objectNode().put("table", settings.table());
        TableJanitor janitor = new TableJanitor(table);
        table.refresh();
        Long before = table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId();
        ev.put("snapshotBefore", before);
        if (!dryRun) {
            strings(ev.putArray("metricsNoneSet"), janitor.metricsNone(settings.personalColumns()));
        }
        Map<Long, Long> holding = new Holdings(table, subject).rowsBySnapshot();
        ArrayNode held = ev.putArray("snapshotsHoldingSubject");
        holding.forEach((id, rows) -> held.addObject().put("snapshotId", id).put("rows", rows));
        List<String> refs = janitor.pinningRefs(holding.keySet());
        if (!refs.isEmpty() && settings.pinnedRefs().equals("refuse")) {
            throw new ConnectorFailure("tags or branches pin snapshots holding the subject (" + String.join(", ", refs)
                    + "); pinnedRefs is refuse, an officer must decide", false);
        }
        CopyOnWrite.Outcome cow;
        try {
            cow = new CopyOnWrite(table, subject, settings.maxAttempts(), beforeCommit).rewrite(edit, dryRun);
        } catch (CopyOnWrite.ConcurrentChange e) {
            throw new ConnectorFailure("concurrent commits on " + settings.table() + " in all " + e.attempts
                    + " attempts; retry later", true);
        }
        ev.put("rowsMatched", cow.rowsMatched()).put("attempts", cow.attempts());
        strings(ev.putArray("filesRewritten"), relative(cow.filesRewritten()));
        if (dryRun) {
            ev.put("dryRun", true);
            strings(ev.putArray("refsToRemove"), refs);
            return new Done(ev, holding, cow.rowsMatched(), cow.originalRows());
        }
        strings(ev.putArray("filesWritten"), relative(cow.filesWritten()));
        janitor.removeRefs(refs);
        strings(ev.putArray("refsRemoved"), refs);
        ResidueScanner scanner = residueFor.apply(cow.originalRows());
        Set<Long> expired = new LinkedHashSet<>(janitor.expire(holding.keySet()));
        if (!cow.filesRewritten().isEmpty() || !expired.isEmpty()) {
            Long replaced = janitor.rewriteManifests();
            ev.put("manifestsRewrittenFrom", replaced);
            List<Long> again = new ArrayList<>();
            if (replaced != null) {
                again.add(replaced);
            }
            again.addAll(snapshotsWithResidueInManifests(scanner));
            expired.addAll(janitor.expire(again));
        }
        ev.putArray("snapshotsExpired").addAll(expired.stream().map(JSON::numberNode).toList());
        TableJanitor.Orphans orphans = janitor.removeOrphans(settings.orphanMinAge());
        strings(ev.putArray("orphanFilesRemoved"), relativePaths(orphans.removed()));
        table.refresh();
        ev.put("snapshotAfter", table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId());
        ev.set("finalCheck", finalCheck(janitor, scanner, orphans.youngKept()));
        return new Done(ev, holding, cow.rowsMatched(), cow.originalRows());
    }

    /** Snapshots other than the current one whose manifest list or manifests still decode to one of the values. */
    private List<Long> snapshotsWithResidueInManifests(ResidueScanner scanner) {
        List<Long> out = new ArrayList<>();
        Snapshot current = table.currentSnapshot();
        for (Snapshot s : table.snapshots()) {
            if (current != null && s.snapshotId() == current.snapshotId()) {
                continue;
            }
            boolean hit = scanner.scan(TableJanitor.local(s.manifestListLocation())).hits() > 0
                    || s.allManifests(table.io()).stream()
                    .anyMatch(m -> scanner.scan(TableJanitor.local(m.path())).hits() > 0);
            if (hit) {
                out.add(s.snapshotId());
            }
        }
        return out;
    }

    /** Decodes every reachable file and every file on disk; any trace of the subject fails the task. */
    private ObjectNode finalCheck(TableJanitor janitor, ResidueScanner scanner, List<Path> youngOrphans)
            throws ConnectorFailure {
        Set<Path> reachable = janitor.reachable();
        Set<Path> all = new LinkedHashSet<>(reachable);
        all.addAll(janitor.onDisk());
        List<String> found = new ArrayList<>();
        boolean onlyYoung = true;
        for (Path file : all) {
            ResidueScanner.Finding f = scanner.scan(file);
            if (f.hits() > 0) {
                found.add(relativePaths(List.of(file)).get(0) + " (" + f.decodedAs() + ")");
                onlyYoung &= youngOrphans.contains(file);
            }
        }
        if (!found.isEmpty()) {
            // file names are generated (UUIDs, snapshot ids): they carry no personal data
            throw new ConnectorFailure("final check: " + found.size() + " file(s) of " + settings.table()
                    + " still hold the subject: " + String.join(", ", found)
                    + (onlyYoung ? "; they are unreachable files younger than orphanMinAge, retry later" : ""),
                    onlyYoung);
        }
        return JSON.objectNode().put("reachableFilesScanned", reachable.size())
                .put("filesOnDiskScanned", all.size()).put("filesHoldingSubject", 0)
                .put("youngOrphansKept", youngOrphans.size());
    }

    private List<String> relative(List<String> locations) {
        return relativePaths(locations.stream().map(TableJanitor::local).toList());
    }

    private List<String> relativePaths(List<Path> paths) {
        Path root = TableJanitor.local(table.location());
        return paths.stream().map(p -> p.startsWith(root) ? root.relativize(p).toString() : p.getFileName().toString())
                .toList();
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
