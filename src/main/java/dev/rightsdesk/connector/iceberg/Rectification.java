package dev.rightsdesk.connector.iceberg;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.rightsdesk.connector.iceberg.residue.ResidueScanner;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.Correction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Types;

/**
 * Art. 16 on an Iceberg table: the subject's rows are rewritten copy-on-write with the corrected values, then the
 * same expiry, orphan removal and final check as an erasure run, because the old value is personal data too and an
 * old snapshot would bring it back.
 */
final class Rectification {

    private final IcebergSettings settings;
    private final Table table;
    private final SubjectMatch subject;
    private final IntConsumer beforeCommit;

    Rectification(IcebergSettings settings, Table table, SubjectMatch subject, IntConsumer beforeCommit) {
        this.settings = settings;
        this.table = table;
        this.subject = subject;
        this.beforeCommit = beforeCommit;
    }

    ConnectorResult run(ConnectorCommand command, boolean dryRun) throws ConnectorFailure {
        Map<String, Object> corrected = new LinkedHashMap<>();
        List<String> notHeld = new ArrayList<>();
        for (Correction c : command.corrections()) {
            Types.NestedField field = table.schema().caseInsensitiveFindField(c.field());
            if (field == null || !field.type().isPrimitiveType()) {
                notHeld.add(c.field());
                continue;
            }
            try {
                corrected.put(field.name(), Conversions.fromPartitionString(field.type(), c.correctedValue()));
            } catch (RuntimeException e) {
                throw new ConnectorFailure("correction of " + field.name() + " is not a valid " + field.type(), false);
            }
        }
        if (corrected.isEmpty()) {
            return ConnectorResult.notFound("none of the corrected fields is held in " + settings.dataset(),
                    JsonNodeFactory.instance.objectNode().put("table", settings.table()));
        }
        Set<String> oldValues = new LinkedHashSet<>();
        command.corrections().stream().filter(c -> c.currentValue() != null)
                .forEach(c -> oldValues.add(c.currentValue().toLowerCase(Locale.ROOT)));
        SubjectRewrite.Done done = new SubjectRewrite(table, settings, subject, beforeCommit).run(row -> {
            Record copy = row.copy();
            corrected.forEach(copy::setField);
            return copy;
        }, originals -> scanner(originals, corrected, oldValues), dryRun);
        done.evidence().putArray("fieldsCorrected").addAll(corrected.keySet().stream()
                .map(JsonNodeFactory.instance::textNode).toList());
        done.evidence().putArray("fieldsNotHeld").addAll(notHeld.stream().map(JsonNodeFactory.instance::textNode).toList());
        if (done.rowsMatched() == 0) {
            return ConnectorResult.notFound("no records in " + settings.dataset(), done.evidence());
        }
        return ConnectorResult.completed((dryRun ? "would correct " : "corrected ") + done.rowsMatched() + " records",
                done.evidence()).withDatasets(IcebergConnector.datasets(settings.dataset(), done.holding(), null));
    }

    /**
     * Residue of a rectification: a row that is the subject's (holds one of their identifiers) and still holds an
     * old value of a corrected field; in metadata, an old value of at least 4 characters.
     */
    private ResidueScanner scanner(List<Record> originals, Map<String, Object> corrected, Set<String> oldValues) {
        Set<String> old = new LinkedHashSet<>(oldValues);
        for (Record row : originals) {
            corrected.forEach((column, value) -> {
                Object before = row.getField(column);
                if (before != null && !before.equals(value)) {
                    old.add(before.toString().toLowerCase(Locale.ROOT));
                }
            });
        }
        Set<String> ids = subject.needles();
        Set<String> metadataNeedles = new LinkedHashSet<>();
        old.stream().filter(v -> v.length() >= 4).forEach(metadataNeedles::add);
        return new ResidueScanner(metadataNeedles,
                values -> values.stream().anyMatch(ids::contains) && values.stream().anyMatch(old::contains));
    }
}
