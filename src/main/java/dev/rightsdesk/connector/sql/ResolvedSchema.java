package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.sql.SchemaCatalog.Column;
import dev.rightsdesk.connector.sql.SchemaCatalog.ForeignKey;
import dev.rightsdesk.connector.sql.SchemaCatalog.Table;
import dev.rightsdesk.connector.sql.SqlMapping.Collection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * A mapping checked against the live schema: every name is spelled as the catalog spells it and quoted in the
 * dialect's way, so no text from the mapping file reaches a statement unchecked.
 */
final class ResolvedSchema {

    private final SqlMapping mapping;
    private final Map<String, Table> tables;
    private final Map<String, Table> suppressionTables;
    private final UnaryOperator<String> quote;
    private final List<Collection> erasureOrder;
    private final boolean orderHasCycle;

    ResolvedSchema(SqlMapping mapping, Map<String, Table> tables, Map<String, Table> suppressionTables,
            UnaryOperator<String> quote) {
        this.mapping = mapping;
        this.tables = Map.copyOf(tables);
        this.suppressionTables = Map.copyOf(suppressionTables);
        this.quote = quote;
        List<Collection> order = new ArrayList<>();
        this.orderHasCycle = !childrenFirst(order);
        this.erasureOrder = List.copyOf(order);
    }

    SqlMapping mapping() {
        return mapping;
    }

    /** The collections ordered so that a table is changed before every table its foreign keys point at. */
    List<Collection> erasureOrder() {
        return erasureOrder;
    }

    boolean orderHasCycle() {
        return orderHasCycle;
    }

    /** Quotes a name exactly as the catalog spells it (a referencing table found through a foreign key). */
    String quote(String catalogName) {
        return quote.apply(catalogName);
    }

    Table table(String collection) {
        return tables.get(collection);
    }

    String qTable(String collection) {
        return quote.apply(tables.get(collection).name());
    }

    Column column(String collection, String name) {
        return tables.get(collection).column(name).orElseThrow();
    }

    String q(String collection, String column) {
        return quote.apply(column(collection, column).name());
    }

    Table suppressionTable(String name) {
        return suppressionTables.get(name);
    }

    String qSuppression(String table, String column) {
        Table t = suppressionTables.get(table);
        return column == null ? quote.apply(t.name()) : quote.apply(t.column(column).orElseThrow().name());
    }

    /**
     * Kahn's algorithm over the database's own foreign keys between mapped tables: a table is emitted once no
     * unemitted table references it. Self-references are ignored (rows of one table go in one statement); a cycle
     * between tables falls back to the file's order for the tables left, and the evidence says so.
     */
    private boolean childrenFirst(List<Collection> out) {
        Map<String, Collection> byTable = new LinkedHashMap<>();
        for (Collection c : mapping.collections()) {
            if (tables.containsKey(c.key())) {
                byTable.putIfAbsent(tables.get(c.key()).name(), c);
            }
        }
        Map<String, Set<String>> referrers = new LinkedHashMap<>();
        byTable.keySet().forEach(t -> referrers.put(t, new LinkedHashSet<>()));
        for (String t : byTable.keySet()) {
            for (ForeignKey fk : tables.get(byTable.get(t).key()).imported()) {
                if (referrers.containsKey(fk.pkTable()) && !fk.pkTable().equals(t)) {
                    referrers.get(fk.pkTable()).add(t);
                }
            }
        }
        Set<String> done = new LinkedHashSet<>();
        boolean progress = true;
        while (done.size() < byTable.size() && progress) {
            progress = false;
            for (String t : byTable.keySet()) {
                if (!done.contains(t) && done.containsAll(referrers.get(t))) {
                    done.add(t);
                    progress = true;
                }
            }
        }
        boolean acyclic = done.size() == byTable.size();
        done.addAll(byTable.keySet());
        done.forEach(t -> out.add(byTable.get(t)));
        // collections sharing a table with an earlier one still need their own pass
        mapping.collections().stream().filter(c -> !out.contains(c) && tables.containsKey(c.key())).forEach(out::add);
        return acyclic;
    }
}
