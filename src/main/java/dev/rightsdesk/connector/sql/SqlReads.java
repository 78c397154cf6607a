package dev.rightsdesk.connector.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.sql.SqlMapping.Collection;
import dev.rightsdesk.connector.sql.SqlMapping.Field;
import dev.rightsdesk.connector.sql.SubjectFinder.Found;
import dev.rightsdesk.connector.sql.SubjectFinder.Row;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;
import java.util.TreeSet;

/** Access (Art. 15): the subject's rows from every reachable collection, grouped by collection with categories. */
final class SqlReads {

    private final ResolvedSchema schema;
    private final SqlRunner sql;
    private final Evidence evidence;

    SqlReads(ResolvedSchema schema, SqlRunner sql, Evidence evidence) {
        this.schema = schema;
        this.sql = sql;
        this.evidence = evidence;
    }

    /** Finds the subject and counts what was found into the evidence. */
    static Found find(ResolvedSchema schema, SqlRunner sql, Evidence evidence, ConnectorCommand command)
            throws SQLException {
        Found found = new SubjectFinder(schema, sql).find(command.identifiers());
        evidence.identifiers(found.identifiers);
        for (Collection c : schema.mapping().collections()) {
            evidence.add(c.key(), schema.table(c.key()).name(), "found", found.of(c.key()).size());
        }
        return found;
    }

    ConnectorResult access(ConnectorCommand command) throws SQLException {
        Found found = find(schema, sql, evidence, command);
        if (found.total() == 0) {
            return ConnectorResult.notFound("no data on the subject", evidence.root());
        }
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        ArrayNode collections = answer.putArray("collections");
        for (Collection c : schema.mapping().collections()) {
            Map<Object, Row> rows = found.of(c.key());
            if (rows.isEmpty() || c.fields().isEmpty()) {
                continue;
            }
            ObjectNode group = collections.addObject().put("collection", c.key());
            ArrayNode categories = group.putArray("categories");
            new TreeSet<>(c.fields().values().stream().map(Field::category).toList()).forEach(categories::add);
            ArrayNode list = group.putArray("rows");
            for (Row row : rows.values()) {
                ObjectNode out = list.addObject();
                for (Field f : c.fields().values()) {
                    put(out, f.column(), row.values.get(f.column()));
                }
            }
        }
        int total = found.total();
        return ConnectorResult.completed(total + " row(s) in " + collections.size() + " collection(s)", evidence.root())
                .withAnswer(answer);
    }

    /** Column values as JSON a subject can read: numbers and booleans as such, dates in ISO-8601, the rest as text. */
    static void put(ObjectNode out, String name, Object value) {
        if (value == null) {
            out.putNull(name);
        } else if (value instanceof Boolean b) {
            out.put(name, b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            out.put(name, ((Number) value).longValue());
        } else if (value instanceof BigDecimal d) {
            out.put(name, d);
        } else if (value instanceof BigInteger i) {
            out.put(name, i);
        } else if (value instanceof Double || value instanceof Float) {
            out.put(name, ((Number) value).doubleValue());
        } else if (value instanceof java.sql.Timestamp t) {
            out.put(name, t.toLocalDateTime().toString());
        } else if (value instanceof java.sql.Date d) {
            out.put(name, d.toLocalDate().toString());
        } else if (value instanceof TemporalAccessor) {
            out.put(name, value.toString());
        } else if (value instanceof byte[]) {
            out.put(name, "(binary, " + ((byte[]) value).length + " bytes)");
        } else {
            out.put(name, value.toString());
        }
    }
}
