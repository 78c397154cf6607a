package dev.rightsdesk.connector.sql;

import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import dev.rightsdesk.connector.sql.SchemaCatalog.Column;
import dev.rightsdesk.connector.sql.SchemaCatalog.ForeignKey;
import dev.rightsdesk.connector.sql.SchemaCatalog.Table;
import dev.rightsdesk.connector.sql.SqlMapping.Collection;
import dev.rightsdesk.connector.sql.SqlMapping.Field;
import dev.rightsdesk.connector.sql.SqlMapping.Identity;
import dev.rightsdesk.connector.sql.SqlMapping.Mask;
import dev.rightsdesk.connector.sql.SqlMapping.ObjectionRule;
import dev.rightsdesk.connector.sql.SqlMapping.Policy;
import dev.rightsdesk.connector.sql.SqlMapping.Reference;
import dev.rightsdesk.connector.sql.SqlMapping.Suppression;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a mapping against the live schema at start: every table and column exists, references resolve, masks
 * fit their columns, and no unmapped table would block or outlive an erasure. All problems are reported at once,
 * each with the mapping file's line.
 */
final class SchemaCheck {

    private final SqlMapping mapping;
    private final SchemaCatalog catalog;
    private final List<String> errors = new ArrayList<>();

    private SchemaCheck(SqlMapping mapping, SchemaCatalog catalog) {
        this.mapping = mapping;
        this.catalog = catalog;
    }

    static ResolvedSchema resolve(SqlMapping mapping, SchemaCatalog catalog) throws InvalidConnectorConfig, SQLException {
        return new SchemaCheck(mapping, catalog).run();
    }

    private ResolvedSchema run() throws InvalidConnectorConfig, SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        List<Collection> collections = new ArrayList<>();
        for (Collection c : mapping.collections()) {
            Optional<Table> table = catalog.table(c.table());
            if (table.isEmpty()) {
                error(c.line(), "collection '" + c.key() + "': table '" + c.table() + "' does not exist in the database");
                collections.add(c);
                continue;
            }
            tables.put(c.key(), table.get());
            collections.add(checkCollection(c, table.get()));
        }
        Map<String, Table> suppressionTables = new LinkedHashMap<>();
        for (Suppression s : mapping.suppressions()) {
            Optional<Table> table = catalog.table(s.table());
            if (table.isEmpty()) {
                error(s.line(), "suppression: table '" + s.table() + "' does not exist in the database");
                continue;
            }
            suppressionTables.put(s.table(), table.get());
            List<String> columns = new ArrayList<>(s.identityColumns().keySet());
            columns.addAll(s.values().keySet());
            if (s.purposeColumn() != null) {
                columns.add(s.purposeColumn());
            }
            columns.forEach(col -> requireColumn(s.line(), "suppression table '" + s.table() + "'", table.get(), col));
        }
        SqlMapping resolved = new SqlMapping(mapping.file(), mapping.recipients(), collections, mapping.suppressions());
        checkReferences(resolved, tables);
        checkUnmappedReferrers(resolved, tables);
        if (!errors.isEmpty()) {
            throw new InvalidConnectorConfig(String.join("\n", errors));
        }
        return new ResolvedSchema(resolved, tables, suppressionTables, catalog::quote);
    }

    private Collection checkCollection(Collection c, Table table) {
        String label = "collection '" + c.key() + "'";
        Collection result = c;
        if (c.primaryKey() == null) {
            if (table.primaryKey().size() == 1) {
                result = c.withPrimaryKey(table.primaryKey().get(0));
            } else {
                error(c.line(), label + ": table '" + table.name() + "' has " + (table.primaryKey().isEmpty()
                        ? "no primary key" : "a composite primary key") + "; name a unique column as 'primaryKey'");
            }
        } else {
            requireColumn(c.line(), label, table, c.primaryKey());
        }
        for (Identity i : c.identities().values()) {
            requireColumn(i.line(), label + " identity '" + i.type() + "'", table, i.column());
        }
        for (Field f : c.fields().values()) {
            Optional<Column> column = requireColumn(f.line(), label, table, f.column());
            if (column.isEmpty() || f.mask() == null) {
                continue;
            }
            Column col = column.get();
            boolean nulled = f.mask() == Mask.NULL;
            if ((f.mask() == Mask.HASH || f.mask() == Mask.RANDOM || (nulled && !col.nullable())) && !col.isText()) {
                error(f.line(), label + " field '" + f.column() + "': mask " + f.mask().name().toLowerCase()
                        + (nulled ? " on a NOT NULL column would be a hash, which" : "") + " needs a text column, but '"
                        + col.name() + "' is " + col.typeName() + "; use mask: fixed with a value of that type");
            }
        }
        for (Reference r : c.references()) {
            requireColumn(r.line(), label + " reference", table, r.field());
        }
        for (ObjectionRule o : c.objection().values()) {
            o.set().keySet().forEach(col -> requireColumn(o.line(), label + " objection '" + o.purpose() + "'", table, col));
            o.where().keySet().forEach(col -> requireColumn(o.line(), label + " objection '" + o.purpose() + "'", table, col));
        }
        // retain may keep rows unmasked (its legal ground says why); mask without any masked field would do nothing
        if (c.erasure().policy() == Policy.MASK && c.fields().values().stream().noneMatch(f -> f.mask() != null)) {
            error(c.erasure().line(), label + ": erasure policy mask keeps the rows but no field has a 'mask';"
                    + " personal fields would stay readable");
        }
        return result;
    }

    private void checkReferences(SqlMapping resolved, Map<String, Table> tables) {
        for (Collection c : resolved.collections()) {
            for (Reference r : c.references()) {
                Table target = tables.get(r.toCollection());
                if (target != null) {
                    requireColumn(r.line(), "collection '" + c.key() + "' reference to '" + r.toCollection() + "'",
                            target, r.toColumn());
                }
            }
        }
    }

    /**
     * A table outside the mapping whose foreign key points at a collection that erasure deletes would either block
     * the delete (NO ACTION / RESTRICT) or keep the subject's rows there unnoticed; both are mapping gaps.
     */
    private void checkUnmappedReferrers(SqlMapping resolved, Map<String, Table> tables) {
        Set<String> mapped = tables.values().stream().map(Table::name).collect(Collectors.toSet());
        for (Collection c : resolved.collections()) {
            Table table = tables.get(c.key());
            if (table == null || c.erasure().policy() != Policy.DELETE) {
                continue;
            }
            for (ForeignKey fk : table.exported()) {
                if (!mapped.contains(fk.fkTable()) && !fk.cascadesOrNulls()) {
                    error(c.line(), "collection '" + c.key() + "': table '" + fk.fkTable() + "' references '"
                            + table.name() + "' (foreign key " + fk.fkColumn() + ") but is not mapped; map it, or its"
                            + " rows would block the erasure");
                }
            }
        }
    }

    private Optional<Column> requireColumn(int line, String label, Table table, String column) {
        Optional<Column> found = table.column(column);
        if (found.isEmpty()) {
            error(line, label + ": column '" + column + "' does not exist in table '" + table.name() + "'");
        }
        return found;
    }

    private void error(int line, String message) {
        errors.add(new MappingException(mapping.file(), line, message).getMessage());
    }
}
