package dev.rightsdesk.connector.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.Correction;
import dev.rightsdesk.connector.sql.SqlMapping.Collection;
import dev.rightsdesk.connector.sql.SqlMapping.Field;
import dev.rightsdesk.connector.sql.SubjectFinder.Found;
import dev.rightsdesk.connector.sql.SubjectFinder.Row;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Rectification (Art. 16): every mapped field whose correction name the subject used is set to the corrected value
 * on the subject's own rows (never on a shared row: a household's address is not one person's to change), in one
 * transaction, then read back to prove it; the answer names the recipients to tell (Art. 19).
 */
final class SqlCorrections {

    private final ResolvedSchema schema;
    private final SqlRunner sql;
    private final Evidence evidence;

    SqlCorrections(ResolvedSchema schema, SqlRunner sql, Evidence evidence) {
        this.schema = schema;
        this.sql = sql;
        this.evidence = evidence;
    }

    ConnectorResult rectify(ConnectorCommand command) throws SQLException {
        Found found = SqlReads.find(schema, sql, evidence, command);
        if (found.total() == 0) {
            return ConnectorResult.notFound("no data on the subject", evidence.root());
        }
        Set<String> applied = new LinkedHashSet<>();
        Set<String> notHeld = new LinkedHashSet<>();
        List<String> notConfirmed = new ArrayList<>();
        int updated = 0;
        for (Correction correction : command.corrections()) {
            boolean mapped = false;
            for (Collection c : schema.mapping().collections()) {
                for (Field f : c.fields().values()) {
                    if (!correction.field().equals(f.rectifiable())) {
                        continue;
                    }
                    mapped = true;
                    List<Object> own = found.of(c.key()).entrySet().stream().filter(e -> e.getValue().owned)
                            .map(Map.Entry::getKey).toList();
                    int n = set(c, f, correction.correctedValue(), own);
                    updated += n;
                    evidence.add(c.key(), schema.table(c.key()).name(), "updated", n);
                    if (n > 0) {
                        applied.add(correction.field());
                    }
                    if (!readBack(c, f, correction.correctedValue(), own)) {
                        notConfirmed.add(c.key() + "." + f.column());
                    }
                }
            }
            if (!mapped) {
                notHeld.add(correction.field());
            }
        }
        ArrayNode recipients = evidence.root().putArray("recipients");
        schema.mapping().recipients().forEach(recipients::add);
        ArrayNode skipped = evidence.root().putArray("correctionsNotHeld");
        notHeld.forEach(skipped::add);
        if (!notConfirmed.isEmpty()) {
            return ConnectorResult.failed(false, "the corrected value did not read back in " + String.join(", ",
                    notConfirmed) + " (a trigger or a type conversion?); rolled back", evidence.root());
        }
        if (applied.isEmpty() && notHeld.size() == command.corrections().size()) {
            return ConnectorResult.notFound("this system holds none of the fields named", evidence.root());
        }
        String summary = updated + " row(s) corrected" + (recipients.isEmpty() ? "" : "; recipients to tell (Art. 19): "
                + recipients.size());
        if (!notHeld.isEmpty()) {
            return new ConnectorResult(ConnectorResult.Outcome.PARTIAL, summary, null, false,
                    "not held by this system: " + String.join(", ", notHeld), evidence.root(), null, null, null);
        }
        return ConnectorResult.completed(summary, evidence.root());
    }

    private int set(Collection c, Field f, String value, List<Object> rows) throws SQLException {
        int n = 0;
        String update = "UPDATE " + schema.qTable(c.key()) + " SET " + schema.q(c.key(), f.column()) + " = ? WHERE "
                + schema.q(c.key(), c.primaryKey()) + " IN ";
        for (List<Object> chunk : SqlRunner.chunks(rows)) {
            List<Object> params = new ArrayList<>();
            params.add(SqlRunner.Typed.of(value, schema.column(c.key(), f.column())));
            params.addAll(chunk);
            n += sql.update(update + SqlRunner.placeholders(chunk.size()), params);
        }
        return n;
    }

    private boolean readBack(Collection c, Field f, String value, List<Object> rows) throws SQLException {
        String select = "SELECT " + schema.q(c.key(), f.column()) + " FROM " + schema.qTable(c.key()) + " WHERE "
                + schema.q(c.key(), c.primaryKey()) + " IN ";
        for (List<Object> chunk : SqlRunner.chunks(rows)) {
            for (Object[] r : sql.query(select + SqlRunner.placeholders(chunk.size()), chunk, 1)) {
                if (!Objects.equals(value, r[0] == null ? null : r[0].toString())) {
                    return false;
                }
            }
        }
        return true;
    }
}
