package dev.rightsdesk.connector.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import dev.rightsdesk.connector.sql.SqlMapping.Collection;
import dev.rightsdesk.connector.sql.SqlMapping.ObjectionRule;
import dev.rightsdesk.connector.sql.SqlMapping.Suppression;
import dev.rightsdesk.connector.sql.SubjectFinder.Found;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Objection (Art. 21) per purpose: the mapping says what stops processing for it (columns set on the subject's
 * rows, a row in a suppression table). A system that does not process for any purpose objected to answers
 * NOT_FOUND. Only rows that do not yet record the objection are changed, so a repeated command changes nothing.
 */
final class SqlObjections {

    private final ResolvedSchema schema;
    private final SqlRunner sql;
    private final Evidence evidence;

    SqlObjections(ResolvedSchema schema, SqlRunner sql, Evidence evidence) {
        this.schema = schema;
        this.sql = sql;
        this.evidence = evidence;
    }

    ConnectorResult object(ConnectorCommand command) throws SQLException {
        List<String> relevant = command.purposes().stream().filter(schema.mapping().purposes()::contains).toList();
        ArrayNode purposes = evidence.root().putArray("purposesActedOn");
        relevant.forEach(purposes::add);
        evidence.root().put("basis", command.basis());
        if (relevant.isEmpty()) {
            return ConnectorResult.notFound("this system does not process for the purposes objected to", evidence.root());
        }
        Found found = SqlReads.find(schema, sql, evidence, command);
        int updated = 0;
        for (Collection c : schema.mapping().collections()) {
            List<Object> own = found.of(c.key()).entrySet().stream().filter(e -> e.getValue().owned)
                    .map(Map.Entry::getKey).toList();
            for (String purpose : relevant) {
                ObjectionRule rule = c.objection().get(purpose);
                if (rule != null && !own.isEmpty()) {
                    int n = apply(c, rule, own);
                    evidence.add(c.key(), schema.table(c.key()).name(), "updated", n);
                    updated += n;
                }
            }
        }
        int inserted = 0;
        for (Suppression s : schema.mapping().suppressions()) {
            for (String purpose : relevant) {
                if (s.purposes().contains(purpose)) {
                    inserted += suppress(s, purpose, command);
                }
            }
        }
        evidence.root().put("suppressionsAdded", inserted);
        if (found.total() == 0 && inserted == 0 && schema.mapping().suppressions().isEmpty()) {
            return ConnectorResult.notFound("no data on the subject", evidence.root());
        }
        return ConnectorResult.completed("processing stopped for " + String.join(", ", relevant) + ": " + updated
                + " row(s) updated, " + inserted + " suppression(s) added", evidence.root());
    }

    private int apply(Collection c, ObjectionRule rule, List<Object> rows) throws SQLException {
        StringBuilder set = new StringBuilder();
        StringBuilder differs = new StringBuilder();
        List<Object> setValues = new ArrayList<>();
        for (var e : rule.set().entrySet()) {
            String col = schema.q(c.key(), e.getKey());
            set.append(set.isEmpty() ? "" : ", ").append(col).append(" = ?");
            differs.append(differs.isEmpty() ? "" : " OR ").append(col).append(" IS NULL OR ").append(col).append(" <> ?");
            setValues.add(e.getValue());
        }
        StringBuilder where = new StringBuilder();
        List<Object> whereValues = new ArrayList<>();
        for (var e : rule.where().entrySet()) {
            where.append(" AND ").append(schema.q(c.key(), e.getKey())).append(" = ?");
            whereValues.add(e.getValue());
        }
        String update = "UPDATE " + schema.qTable(c.key()) + " SET " + set + " WHERE (" + differs + ")" + where
                + " AND " + schema.q(c.key(), c.primaryKey()) + " IN ";
        int n = 0;
        for (List<Object> chunk : SqlRunner.chunks(rows)) {
            List<Object> params = new ArrayList<>(setValues);
            params.addAll(setValues);
            params.addAll(whereValues);
            params.addAll(chunk);
            n += sql.update(update + SqlRunner.placeholders(chunk.size()), params);
        }
        return n;
    }

    /** Adds the suppression row unless one for these verified identifiers and purpose is there already. */
    private int suppress(Suppression s, String purpose, ConnectorCommand command) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (var e : s.identityColumns().entrySet()) {
            Optional<SubjectIdentifier> id = command.verifiedIdentifiers().stream()
                    .filter(i -> i.type().equals(e.getValue())).findFirst();
            if (id.isEmpty()) {
                return 0; // only verified identifiers go into a suppression list
            }
            columns.add(e.getKey());
            values.add(id.get().value());
        }
        if (s.purposeColumn() != null) {
            columns.add(s.purposeColumn());
            values.add(purpose);
        }
        String table = schema.qSuppression(s.table(), null);
        List<String> quoted = columns.stream().map(col -> schema.qSuppression(s.table(), col)).toList();
        String exists = "SELECT 1 FROM " + table + " WHERE " + String.join(" = ? AND ", quoted) + " = ?";
        if (!sql.query(exists, values, 1).isEmpty()) {
            return 0;
        }
        List<String> insertColumns = new ArrayList<>(quoted);
        List<Object> insertValues = new ArrayList<>(values);
        for (var e : s.values().entrySet()) {
            insertColumns.add(schema.qSuppression(s.table(), e.getKey()));
            insertValues.add(e.getValue());
        }
        String insert = "INSERT INTO " + table + " (" + String.join(", ", insertColumns) + ") VALUES "
                + SqlRunner.placeholders(insertValues.size());
        return sql.update(insert, insertValues);
    }
}
