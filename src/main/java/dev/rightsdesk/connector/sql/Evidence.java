package dev.rightsdesk.connector.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The proof of one command, without personal data: per collection the rows found, updated, deleted, masked and
 * retained (with the reason), the shapes of the statements run, and how long it took.
 */
final class Evidence {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ObjectNode root = JSON.objectNode();
    private final Map<String, ObjectNode> collections = new LinkedHashMap<>();
    private final Map<String, Map<String, Integer>> reasons = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    Evidence(ConnectorCommand command, String dialect, String mapping, boolean dryRun) {
        root.put("engine", "sql").put("dialect", dialect).put("mapping", mapping)
                .put("action", command.action().name()).put("dryRun", dryRun);
    }

    ObjectNode root() {
        return root;
    }

    void identifiers(ArrayNode identifiers) {
        root.set("identifiers", identifiers.deepCopy());
    }

    /** The counters of one collection, all zero until counted. */
    ObjectNode collection(String key, String table) {
        return collections.computeIfAbsent(key, k -> JSON.objectNode().put("collection", k).put("table", table)
                .put("found", 0).put("updated", 0).put("deleted", 0).put("masked", 0).put("retained", 0));
    }

    void add(String key, String table, String counter, int n) {
        ObjectNode c = collection(key, table);
        c.put(counter, c.path(counter).asInt() + n);
    }

    void retained(String key, String table, String reason, int n) {
        if (n <= 0) {
            return;
        }
        add(key, table, "retained", n);
        reasons.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(reason, n, Integer::sum);
    }

    /** Closes the evidence: collections, statement shapes, duration. */
    ObjectNode finish(SqlRunner sql, boolean committed) {
        ArrayNode list = root.putArray("collections");
        collections.forEach((key, node) -> {
            Map<String, Integer> why = reasons.get(key);
            if (why != null) {
                ArrayNode r = node.putArray("retainedReasons");
                why.forEach((reason, n) -> r.addObject().put("reason", reason).put("rows", n));
            }
            list.add(node);
        });
        root.put("committed", committed);
        if (sql != null) {
            root.put("statementCount", sql.statementCount());
            ArrayNode shapes = root.putArray("statements");
            sql.shapes().forEach(shapes::add);
        }
        root.put("durationMs", (System.nanoTime() - started) / 1_000_000);
        return root;
    }
}
