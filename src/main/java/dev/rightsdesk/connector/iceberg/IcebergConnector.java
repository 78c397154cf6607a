package dev.rightsdesk.connector.iceberg;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.iceberg.residue.ResidueScanner;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import dev.rightsdesk.connector.spi.Progress;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.jdbc.JdbcCatalog;

/**
 * An Apache Iceberg training dataset (docs/connectors.md "Iceberg datasets"): access lists the snapshots that hold
 * the subject; erasure and rectification rewrite, expire, clean and check (see {@link SubjectRewrite}); an
 * {@code ai-training} objection records the current snapshot and answers the dataset versions that held the subject.
 */
public final class IcebergConnector implements DataStoreConnector {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final IcebergSettings settings;
    private final JdbcCatalog catalog;
    private final IntConsumer beforeCommit;

    IcebergConnector(IcebergSettings settings, JdbcCatalog catalog, IntConsumer beforeCommit) {
        this.settings = settings;
        this.catalog = catalog;
        this.beforeCommit = beforeCommit;
    }

    @Override
    public void validate() throws InvalidConnectorConfig {
        Table table = table();
        for (String column : settings.personalColumns()) {
            if (table.schema().findField(column) == null) {
                throw new InvalidConnectorConfig("system '" + table.name() + "': column " + column + " is not in the table");
            }
        }
        try {
            TableJanitor.local(table.location());
        } catch (UnsupportedOperationException e) {
            throw new InvalidConnectorConfig("table " + settings.table() + ": " + e.getMessage());
        }
    }

    @Override
    public ConnectorResult execute(ConnectorCommand command, Progress progress) throws ConnectorFailure {
        SubjectMatch subject = SubjectMatch.of(command, settings.identity(), settings.hmac());
        if (subject.isEmpty()) {
            return ConnectorResult.notFound("no verified identifier this dataset is keyed by",
                    JSON.objectNode().put("table", settings.table()));
        }
        progress.acknowledge();
        try {
            Table table = table();
            boolean dryRun = command.dryRun();
            return switch (command.action()) {
                case ACCESS -> access(table, subject);
                case ERASURE -> erase(table, subject, dryRun);
                case RECTIFICATION -> new Rectification(settings, table, subject, beforeCommit).run(command, dryRun);
                case OBJECTION -> object(table, subject, command, dryRun);
            };
        } catch (InvalidConnectorConfig e) {
            throw new ConnectorFailure(e.getMessage(), false, e);
        } catch (UnsupportedOperationException e) {
            throw new ConnectorFailure(settings.table() + ": " + e.getMessage(), false, e);
        } catch (RuntimeException e) {
            // catalog or file system trouble: the message may name a path but never a value; keep the class only
            throw new ConnectorFailure(settings.table() + ": " + e.getClass().getSimpleName(), true, e);
        }
    }

    private ConnectorResult access(Table table, SubjectMatch subject) {
        Holdings holdings = new Holdings(table, subject);
        Map<Long, Long> holding = holdings.rowsBySnapshot();
        if (holding.isEmpty()) {
            return ConnectorResult.notFound("no records in " + settings.dataset(), evidence(table, holding));
        }
        ObjectNode answer = JSON.objectNode().put("dataset", settings.dataset()).put("table", settings.table());
        ArrayNode snapshots = answer.putArray("snapshots");
        holding.forEach((id, rows) -> snapshots.addObject().put("snapshotId", id)
                .put("committedAt", java.time.Instant.ofEpochMilli(table.snapshot(id).timestampMillis()).toString())
                .put("rows", rows));
        Snapshot current = table.currentSnapshot();
        if (current != null && !settings.accessFields().isEmpty()) {
            ArrayNode records = answer.putArray("records");
            for (Record row : holdings.subjectRows(current)) {
                ObjectNode r = records.addObject();
                settings.accessFields().forEach(f -> {
                    Object v = table.schema().findField(f) == null ? null : row.getField(f);
                    r.put(f, v == null ? null : v.toString());
                });
            }
        }
        long rows = current == null ? 0 : holding.getOrDefault(current.snapshotId(), 0L);
        return ConnectorResult.completed(rows + " records in the current version, " + holding.size() + " versions",
                evidence(table, holding)).withAnswer(answer).withDatasets(datasets(holding, null));
    }

    private ConnectorResult erase(Table table, SubjectMatch subject, boolean dryRun) throws ConnectorFailure {
        SubjectRewrite.Done done = new SubjectRewrite(table, settings, subject, beforeCommit)
                .run(row -> null, originals -> new ResidueScanner(subject.needles(),
                        ResidueScanner.anyValueContains(subject.needles())), dryRun);
        if (done.holding().isEmpty()) {
            return ConnectorResult.notFound("no records in " + settings.dataset(), done.evidence());
        }
        return ConnectorResult.completed((dryRun ? "would remove " : "removed ") + done.rowsMatched()
                + " records; " + done.holding().size() + " versions held them", done.evidence())
                .withDatasets(datasets(done.holding(), "recordsRemoved"));
    }

    private ConnectorResult object(Table table, SubjectMatch subject, ConnectorCommand command, boolean dryRun)
            throws ConnectorFailure {
        boolean concerned = command.purposes().isEmpty()
                || command.purposes().stream().anyMatch(settings.objectionPurposes()::contains);
        if (!concerned) {
            return ConnectorResult.notFound("dataset not used for the purposes objected to",
                    JSON.objectNode().put("table", settings.table()));
        }
        if (settings.objectionErases()) {
            ConnectorResult erased = erase(table, subject, dryRun);
            return erased.withDatasets(erased.datasets() == null ? null : relabel(erased.datasets()));
        }
        Map<Long, Long> holding = new Holdings(table, subject).rowsBySnapshot();
        ObjectNode ev = evidence(table, holding).put("rowsErased", 0);
        if (holding.isEmpty()) {
            return ConnectorResult.notFound("no records in " + settings.dataset(), ev);
        }
        return ConnectorResult.completed("objection recorded at version " + ev.path("currentSnapshot").asText()
                + "; records kept, to be excluded from training", ev).withDatasets(datasets(holding, "recordsExcluded"));
    }

    private static com.fasterxml.jackson.databind.JsonNode relabel(com.fasterxml.jackson.databind.JsonNode datasets) {
        datasets.forEach(d -> ((ObjectNode) d).put("recordsExcluded", d.path("recordsRemoved").asLong()));
        return datasets;
    }

    private ObjectNode evidence(Table table, Map<Long, Long> holding) {
        ObjectNode ev = JSON.objectNode().put("table", settings.table());
        ev.put("currentSnapshot", table.currentSnapshot() == null ? null : table.currentSnapshot().snapshotId());
        ArrayNode held = ev.putArray("snapshotsHoldingSubject");
        holding.forEach((id, rows) -> held.addObject().put("snapshotId", id).put("rows", rows));
        return ev;
    }

    /** {@code [{dataset, version, <countField>}]}: the versions are the snapshot ids. */
    private ArrayNode datasets(Map<Long, Long> holding, String countField) {
        return datasets(settings.dataset(), holding, countField);
    }

    static ArrayNode datasets(String dataset, Map<Long, Long> holding, String countField) {
        ArrayNode out = JSON.arrayNode();
        holding.forEach((id, rows) -> {
            ObjectNode d = out.addObject().put("dataset", dataset).put("version", String.valueOf(id));
            if (countField != null) {
                d.put(countField, rows);
            }
        });
        return out;
    }

    Table table() throws InvalidConnectorConfig {
        try {
            return catalog.loadTable(TableIdentifier.parse(settings.table()));
        } catch (NoSuchTableException e) {
            throw new InvalidConnectorConfig("table " + settings.table() + " is not in catalog " + settings.catalogName());
        }
    }

    @Override
    public void close() {
        try {
            catalog.close();
        } catch (Exception ignored) {
            // closing a JDBC pool: nothing to recover
        }
    }
}
