package dev.rightsdesk.connector.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.sql.SchemaCatalog.Column;
import dev.rightsdesk.connector.sql.SchemaCatalog.ForeignKey;
import dev.rightsdesk.connector.sql.SchemaCatalog.Table;
import dev.rightsdesk.connector.sql.SqlMapping.Collection;
import dev.rightsdesk.connector.sql.SqlMapping.Field;
import dev.rightsdesk.connector.sql.SqlMapping.Policy;
import dev.rightsdesk.connector.sql.SubjectFinder.Found;
import dev.rightsdesk.connector.sql.SubjectFinder.Row;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Erasure (Art. 17) in one transaction: collections in the order the database's own foreign keys demand (a table
 * before the tables it points at), each deleted, masked or retained per the mapping; rows shared with people
 * outside the subject's set are kept; then the subject is looked for again in the same transaction, and anything
 * still found outside retained collections fails the erasure, which is then rolled back.
 */
final class SqlErasure {

    static final String SHARED = "shared: still referenced by rows outside the subject's data";

    private final ResolvedSchema schema;
    private final SqlRunner sql;
    private final Evidence evidence;
    private final Masker masker;
    /** Rows deliberately kept as shared: the post-erasure check must not count them. */
    private final Map<String, Set<Object>> sharedKept = new LinkedHashMap<>();
    /** Masked rows with the values they had, to prove no old value is left. */
    private final Map<String, Map<Object, Row>> masked = new LinkedHashMap<>();
    private int deleted;
    private int maskedRows;
    private int retainedRows;

    SqlErasure(ResolvedSchema schema, SqlRunner sql, Evidence evidence, Masker masker) {
        this.schema = schema;
        this.sql = sql;
        this.evidence = evidence;
        this.masker = masker;
    }

    ConnectorResult erase(ConnectorCommand command) throws SQLException {
        Found found = SqlReads.find(schema, sql, evidence, command);
        ArrayNode order = evidence.root().putArray("order");
        schema.erasureOrder().forEach(c -> order.add(c.key()));
        if (found.total() == 0) {
            // a repeated erasure lands here: nothing left to do, and nothing was done
            return ConnectorResult.notFound("no data on the subject (nothing to erase)", evidence.root());
        }
        for (Collection c : schema.erasureOrder()) {
            Map<Object, Row> rows = found.of(c.key());
            if (!rows.isEmpty()) {
                erase(c, rows, found);
            }
        }
        List<String> left = postErasureCheck(command);
        ObjectNode check = evidence.root().putObject("postErasureCheck").put("passed", left.isEmpty());
        if (!left.isEmpty()) {
            ArrayNode where = check.putArray("stillFound");
            left.forEach(where::add);
            return ConnectorResult.failed(false, "post-erasure check: the subject's data is still found in "
                    + String.join(", ", left) + "; the mapping is incomplete, nothing was changed (rolled back)",
                    evidence.root());
        }
        ArrayNode recipients = evidence.root().putArray("recipients");
        schema.mapping().recipients().forEach(recipients::add);
        return ConnectorResult.completed("erased: " + summary(), evidence.root());
    }

    private void erase(Collection c, Map<Object, Row> rows, Found found) throws SQLException {
        String table = schema.table(c.key()).name();
        Set<Object> shared = shared(c, rows, found);
        sharedKept.put(c.key(), shared);
        evidence.retained(c.key(), table, SHARED, shared.size());
        retainedRows += shared.size();
        Map<Object, Row> act = new LinkedHashMap<>(rows);
        shared.forEach(act::remove);
        if (act.isEmpty()) {
            return;
        }
        Policy policy = c.erasure().policy();
        if (policy == Policy.DELETE) {
            int n = 0;
            String delete = "DELETE FROM " + schema.qTable(c.key()) + " WHERE " + schema.q(c.key(), c.primaryKey()) + " IN ";
            for (List<Object> chunk : SqlRunner.chunks(act.keySet())) {
                n += sql.update(delete + SqlRunner.placeholders(chunk.size()), chunk);
            }
            evidence.add(c.key(), table, "deleted", n);
            deleted += n;
            return;
        }
        int changed = mask(c, act);
        masked.put(c.key(), act);
        evidence.add(c.key(), table, "masked", changed);
        maskedRows += changed;
        if (policy == Policy.RETAIN) {
            evidence.retained(c.key(), table, c.erasure().ground(), act.size());
            retainedRows += act.size();
        }
    }

    /**
     * Rows the subject does not own (reached through a points-to link) that rows outside the subject's set still
     * reference, through any foreign key the database knows or any reference of the mapping.
     */
    private Set<Object> shared(Collection c, Map<Object, Row> rows, Found found) throws SQLException {
        Map<Object, Row> candidates = new LinkedHashMap<>();
        rows.forEach((pk, row) -> {
            if (!row.owned) {
                candidates.put(pk, row);
            }
        });
        Set<Object> shared = new LinkedHashSet<>();
        if (candidates.isEmpty()) {
            return shared;
        }
        Table table = schema.table(c.key());
        List<String[]> links = new ArrayList<>(); // referencing table, its column, referenced column here
        for (ForeignKey fk : table.exported()) {
            links.add(new String[] {fk.fkTable(), fk.fkColumn(), fk.pkColumn()});
        }
        for (Collection other : schema.mapping().collections()) {
            other.references().stream().filter(r -> r.toCollection().equals(c.key())).forEach(r -> links.add(
                    new String[] {schema.table(other.key()).name(), schema.column(other.key(), r.field()).name(),
                            schema.column(c.key(), r.toColumn()).name()}));
        }
        Set<String> seen = new HashSet<>();
        for (String[] link : links) {
            if (!seen.add(String.join(".", link))) {
                continue;
            }
            shared.addAll(referencedFromOutside(c, candidates, link[0], link[1], link[2], found));
        }
        return shared;
    }

    private Set<Object> referencedFromOutside(Collection c, Map<Object, Row> candidates, String fkTable,
            String fkColumn, String pkColumn, Found found) throws SQLException {
        Collection referrer = schema.mapping().collections().stream()
                .filter(o -> schema.table(o.key()).name().equals(fkTable)).findFirst().orElse(null);
        Set<Object> ownRows = referrer == null ? Set.of() : found.of(referrer.key()).keySet();
        // a table outside the mapping holds no row of the subject: every reference from it is someone else's
        String refKey = referrer != null ? schema.q(referrer.key(), referrer.primaryKey()) : schema.quote(fkColumn);
        String pk = schema.q(c.key(), c.primaryKey());
        String sqlText = "SELECT t." + pk + ", r." + refKey + " FROM " + schema.qTable(c.key()) + " t JOIN "
                + schema.quote(fkTable) + " r ON r." + schema.quote(fkColumn) + " = t." + schema.quote(pkColumn)
                + " WHERE t." + pk + " IN ";
        Set<Object> shared = new LinkedHashSet<>();
        for (List<Object> chunk : SqlRunner.chunks(candidates.keySet())) {
            for (Object[] r : sql.query(sqlText + SqlRunner.placeholders(chunk.size()), chunk, 2)) {
                if (!ownRows.contains(r[1])) {
                    shared.add(r[0]);
                }
            }
        }
        return shared;
    }

    private int mask(Collection c, Map<Object, Row> rows) throws SQLException {
        List<Field> fields = c.fields().values().stream().filter(f -> f.mask() != null).toList();
        if (fields.isEmpty()) {
            return 0;
        }
        String pk = schema.q(c.key(), c.primaryKey());
        boolean sameForAll = fields.stream().allMatch(f -> Masker.rowIndependent(f, schema.column(c.key(), f.column())));
        StringBuilder set = new StringBuilder();
        for (Field f : fields) {
            set.append(set.isEmpty() ? "" : ", ").append(schema.q(c.key(), f.column())).append(" = ?");
        }
        String update = "UPDATE " + schema.qTable(c.key()) + " SET " + set + " WHERE " + pk;
        int changed = 0;
        if (sameForAll) {
            List<Object> values = new ArrayList<>();
            for (Field f : fields) {
                Column column = schema.column(c.key(), f.column());
                values.add(SqlRunner.Typed.of(masker.mask(f, column, null), column));
            }
            for (List<Object> chunk : SqlRunner.chunks(rows.keySet())) {
                List<Object> params = new ArrayList<>(values);
                params.addAll(chunk);
                changed += sql.update(update + " IN " + SqlRunner.placeholders(chunk.size()), params);
            }
            return changed;
        }
        List<List<Object>> batch = new ArrayList<>();
        for (Map.Entry<Object, Row> row : rows.entrySet()) {
            List<Object> params = new ArrayList<>();
            for (Field f : fields) {
                Column column = schema.column(c.key(), f.column());
                params.add(SqlRunner.Typed.of(masker.mask(f, column, row.getValue().values.get(f.column())), column));
            }
            params.add(row.getKey());
            batch.add(params);
        }
        return sql.batch(update + " = ?", batch);
    }

    /**
     * Looks for the subject again, in the same transaction: rows still found outside retained collections (other
     * than rows kept as shared), or masked fields that still hold their old value, mean the mapping missed something.
     */
    private List<String> postErasureCheck(ConnectorCommand command) throws SQLException {
        Found again = new SubjectFinder(schema, sql).find(command.identifiers());
        List<String> left = new ArrayList<>();
        for (Collection c : schema.mapping().collections()) {
            if (c.erasure().policy() == Policy.RETAIN) {
                continue;
            }
            Set<Object> kept = sharedKept.getOrDefault(c.key(), Set.of());
            long still = again.of(c.key()).keySet().stream().filter(pk -> !kept.contains(pk)).count();
            if (still > 0) {
                left.add(c.key() + " (" + still + " row(s))");
            }
        }
        for (Map.Entry<String, Map<Object, Row>> e : masked.entrySet()) {
            int unchanged = unchangedMasks(schema.mapping().collection(e.getKey()).orElseThrow(), e.getValue());
            if (unchanged > 0) {
                left.add(e.getKey() + " (" + unchanged + " masked field value(s) unchanged)");
            }
        }
        return left;
    }

    private int unchangedMasks(Collection c, Map<Object, Row> before) throws SQLException {
        List<Field> fields = c.fields().values().stream().filter(f -> f.mask() != null).toList();
        List<String> columns = new ArrayList<>();
        columns.add(c.primaryKey());
        fields.forEach(f -> columns.add(f.column()));
        String select = "SELECT " + String.join(", ", columns.stream().map(col -> schema.q(c.key(), col)).toList())
                + " FROM " + schema.qTable(c.key()) + " WHERE " + schema.q(c.key(), c.primaryKey()) + " IN ";
        int unchanged = 0;
        for (List<Object> chunk : SqlRunner.chunks(before.keySet())) {
            for (Object[] now : sql.query(select + SqlRunner.placeholders(chunk.size()), chunk, columns.size())) {
                Row old = before.get(now[0]);
                for (int i = 0; i < fields.size(); i++) {
                    Object was = old.values.get(fields.get(i).column());
                    boolean fixedSame = Objects.equals(String.valueOf(was), String.valueOf(fields.get(i).maskValue()));
                    if (was != null && !fixedSame && Objects.equals(String.valueOf(was), String.valueOf(now[i + 1]))) {
                        unchanged++;
                    }
                }
            }
        }
        return unchanged;
    }

    private String summary() {
        return deleted + " row(s) deleted, " + maskedRows + " masked, " + retainedRows + " retained";
    }
}
