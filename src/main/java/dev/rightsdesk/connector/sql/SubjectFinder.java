package dev.rightsdesk.connector.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import dev.rightsdesk.connector.sql.SqlMapping.Collection;
import dev.rightsdesk.connector.sql.SqlMapping.Direction;
import dev.rightsdesk.connector.sql.SqlMapping.Identity;
import dev.rightsdesk.connector.sql.SqlMapping.Reference;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the subject's rows: first by the verified identifiers, then breadth first along the mapping's references.
 * A {@code belongs-to} link pulls in rows the subject owns (their orders); a {@code points-to} link reaches a row
 * the subject uses but may share (a household address), and from such a row only further {@code points-to} links
 * are followed, so a shared address never leads to the other people living there.
 */
final class SubjectFinder {

    /** One found row: the mapped columns' values by their mapping name, and whether the subject owns it. */
    static final class Row {
        final Map<String, Object> values;
        boolean owned;

        Row(Map<String, Object> values, boolean owned) {
            this.values = values;
            this.owned = owned;
        }
    }

    /** The subject's rows per collection (mapping order), keyed by primary key. */
    static final class Found {
        final Map<String, Map<Object, Row>> rows = new LinkedHashMap<>();
        final ArrayNode identifiers = JsonNodeFactory.instance.arrayNode();

        Map<Object, Row> of(String collection) {
            return rows.getOrDefault(collection, Map.of());
        }

        int total() {
            return rows.values().stream().mapToInt(Map::size).sum();
        }
    }

    private final ResolvedSchema schema;
    private final SqlRunner sql;

    SubjectFinder(ResolvedSchema schema, SqlRunner sql) {
        this.schema = schema;
        this.sql = sql;
    }

    Found find(List<SubjectIdentifier> identifiers) throws SQLException {
        Found found = new Found();
        schema.mapping().collections().forEach(c -> found.rows.put(c.key(), new LinkedHashMap<>()));
        Deque<Map.Entry<Collection, List<Row>>> queue = new ArrayDeque<>();
        List<SubjectIdentifier> verified = identifiers.stream().filter(SubjectIdentifier::verified).toList();
        for (SubjectIdentifier id : identifiers) {
            ObjectNode e = found.identifiers.addObject().put("type", id.type()).put("verified", id.verified());
            int rows = id.verified() ? lookUpVerified(id, found, queue) : lookUpUnverified(id, verified, found, queue, e);
            e.put("rowsFound", rows);
            if (!e.has("used")) {
                e.put("used", rows > 0 || id.verified());
            }
        }
        while (!queue.isEmpty()) {
            var next = queue.poll();
            follow(next.getKey(), next.getValue(), found, queue);
        }
        return found;
    }

    private int lookUpVerified(SubjectIdentifier id, Found found, Deque<Map.Entry<Collection, List<Row>>> queue)
            throws SQLException {
        int total = 0;
        for (Collection c : schema.mapping().collections()) {
            Identity identity = c.identities().get(id.type());
            if (identity != null) {
                List<Row> fresh = add(c, select(c, identity, List.of(id.value())), true, found);
                queue.add(Map.entry(c, fresh));
                total += fresh.size();
            }
        }
        return total;
    }

    /**
     * An identifier the subject only typed (Art. 12(6)): a row found by it counts only when the same row carries
     * one of the verified identifiers too; otherwise typing somebody else's customer number would pull in their data.
     */
    private int lookUpUnverified(SubjectIdentifier id, List<SubjectIdentifier> verified, Found found,
            Deque<Map.Entry<Collection, List<Row>>> queue, ObjectNode evidence) throws SQLException {
        int accepted = 0;
        int rejected = 0;
        boolean mapped = false;
        for (Collection c : schema.mapping().collections()) {
            Identity identity = c.identities().get(id.type());
            if (identity == null) {
                continue;
            }
            mapped = true;
            List<Map<String, Object>> confirmed = new ArrayList<>();
            for (Map<String, Object> row : select(c, identity, List.of(id.value()))) {
                if (carriesVerified(c, row, verified)) {
                    confirmed.add(row);
                } else {
                    rejected++;
                }
            }
            List<Row> fresh = add(c, confirmed, true, found);
            queue.add(Map.entry(c, fresh));
            accepted += confirmed.size();
        }
        evidence.put("used", accepted > 0);
        if (!mapped) {
            evidence.put("skipped", "no collection maps this identity type");
        } else if (rejected > 0 || accepted == 0) {
            evidence.put("skipped", rejected + " row(s) found by this unverified identifier do not carry a verified"
                    + " identifier of the subject; not used");
        }
        return accepted;
    }

    private boolean carriesVerified(Collection c, Map<String, Object> row, List<SubjectIdentifier> verified) {
        for (SubjectIdentifier v : verified) {
            Identity identity = c.identities().get(v.type());
            if (identity != null) {
                Object value = row.get(identity.column());
                if (value != null && (identity.ignoreCase() ? value.toString().equalsIgnoreCase(v.value())
                        : value.toString().equals(v.value()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private void follow(Collection from, List<Row> rows, Found found, Deque<Map.Entry<Collection, List<Row>>> queue)
            throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<Row> owned = rows.stream().filter(r -> r.owned).toList();
        for (Collection c : schema.mapping().collections()) {
            for (Reference r : c.references()) {
                if (r.direction() == Direction.BELONGS_TO && r.toCollection().equals(from.key()) && !owned.isEmpty()) {
                    List<Row> fresh = add(c, selectWhere(c, r.field(), values(owned, r.toColumn())), true, found);
                    queue.add(Map.entry(c, fresh));
                }
            }
        }
        for (Reference r : from.references()) {
            if (r.direction() == Direction.POINTS_TO) {
                Collection target = schema.mapping().collection(r.toCollection()).orElseThrow();
                List<Row> fresh = add(target, selectWhere(target, r.toColumn(), values(rows, r.field())), false, found);
                queue.add(Map.entry(target, fresh));
            }
        }
    }

    private static Set<Object> values(List<Row> rows, String column) {
        Set<Object> values = new LinkedHashSet<>();
        rows.stream().map(r -> r.values.get(column)).filter(Objects::nonNull).forEach(values::add);
        return values;
    }

    /** Adds rows not seen yet (or now owned where before only reached); returns those that need following. */
    private static List<Row> add(Collection c, List<Map<String, Object>> rows, boolean owned, Found found) {
        Map<Object, Row> known = found.rows.get(c.key());
        List<Row> fresh = new ArrayList<>();
        for (Map<String, Object> values : rows) {
            Object pk = values.get(c.primaryKey());
            Row existing = known.get(pk);
            if (existing == null) {
                Row row = new Row(values, owned);
                known.put(pk, row);
                fresh.add(row);
            } else if (owned && !existing.owned) {
                existing.owned = true;
                fresh.add(existing);
            }
        }
        return fresh;
    }

    private List<Map<String, Object>> select(Collection c, Identity identity, List<String> values) throws SQLException {
        if (!identity.ignoreCase()) {
            return selectWhere(c, identity.column(), new LinkedHashSet<>(values));
        }
        Set<Object> lower = new LinkedHashSet<>();
        values.forEach(v -> lower.add(v.toLowerCase(Locale.ROOT)));
        return selectByExpression(c, "LOWER(" + schema.q(c.key(), identity.column()) + ")", lower);
    }

    private List<Map<String, Object>> selectWhere(Collection c, String column, Set<Object> values) throws SQLException {
        return selectByExpression(c, schema.q(c.key(), column), values);
    }

    private List<Map<String, Object>> selectByExpression(Collection c, String quotedExpression, Set<Object> values)
            throws SQLException {
        List<String> columns = columnsOf(c);
        List<Map<String, Object>> rows = new ArrayList<>();
        if (values.isEmpty()) {
            return rows;
        }
        String select = "SELECT " + String.join(", ", columns.stream().map(col -> schema.q(c.key(), col)).toList())
                + " FROM " + schema.qTable(c.key()) + " WHERE " + quotedExpression + " IN ";
        for (List<Object> chunk : SqlRunner.chunks(values)) {
            for (Object[] r : sql.query(select + SqlRunner.placeholders(chunk.size()), chunk, columns.size())) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    row.put(columns.get(i), r[i]);
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The columns read per row: key, identities, fields, and both ends of every reference touching it. */
    private List<String> columnsOf(Collection c) {
        Set<String> columns = new LinkedHashSet<>();
        columns.add(c.primaryKey());
        c.identities().values().forEach(i -> columns.add(i.column()));
        columns.addAll(c.fields().keySet());
        c.references().forEach(r -> columns.add(r.field()));
        for (Collection other : schema.mapping().collections()) {
            other.references().stream().filter(r -> r.toCollection().equals(c.key()))
                    .forEach(r -> columns.add(r.toColumn()));
        }
        return List.copyOf(columns);
    }
}
