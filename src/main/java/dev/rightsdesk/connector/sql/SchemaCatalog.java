package dev.rightsdesk.connector.sql;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the database itself says about the mapped tables (JDBC catalog metadata): columns with type and NOT NULL,
 * primary keys, and foreign keys in both directions. The erasure order and the shared-row guard come from here,
 * not from the mapping file, so a mapping that forgets a link cannot make the connector delete in the wrong order.
 */
final class SchemaCatalog {

    record Column(String name, int jdbcType, String typeName, int size, boolean nullable) {
        boolean isText() {
            return switch (jdbcType) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                        Types.CLOB, Types.NCLOB -> true;
                default -> false;
            };
        }
    }

    /** One foreign-key column pair: {@code fkTable.fkColumn} references {@code pkTable.pkColumn}. */
    record ForeignKey(String fkTable, String fkColumn, String pkTable, String pkColumn, int deleteRule) {
        boolean cascadesOrNulls() {
            return deleteRule == DatabaseMetaData.importedKeyCascade || deleteRule == DatabaseMetaData.importedKeySetNull
                    || deleteRule == DatabaseMetaData.importedKeySetDefault;
        }
    }

    record Table(String name, Map<String, Column> columns, List<String> primaryKey, List<ForeignKey> imported,
            List<ForeignKey> exported) {
        Optional<Column> column(String name) {
            Column exact = columns.get(name);
            if (exact != null) {
                return Optional.of(exact);
            }
            return columns.values().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    private final Connection connection;
    private final DatabaseMetaData meta;
    private final String catalog;
    private final String schema;
    private final String quote;
    private final Map<String, Optional<Table>> tables = new LinkedHashMap<>();

    SchemaCatalog(Connection connection) throws SQLException {
        this.connection = connection;
        this.meta = connection.getMetaData();
        this.catalog = connection.getCatalog();
        String s;
        try {
            s = connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            s = null;
        }
        this.schema = s;
        String q = meta.getIdentifierQuoteString();
        this.quote = q == null || q.isBlank() ? "\"" : q.trim();
    }

    /** Quotes a name from the catalog (never user input that was not checked against it) in the dialect's way. */
    String quote(String name) {
        return quote + name.replace(quote, quote + quote) + quote;
    }

    /** The table as the catalog spells it, trying the name as written, then lower and upper case. */
    Optional<Table> table(String name) throws SQLException {
        Optional<Table> known = tables.get(name);
        if (known != null) {
            return known;
        }
        Optional<Table> found = Optional.empty();
        for (String candidate : List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
            Map<String, Column> columns = columns(candidate);
            if (!columns.isEmpty()) {
                found = Optional.of(new Table(candidate, columns, primaryKey(candidate), imported(candidate),
                        exported(candidate)));
                break;
            }
        }
        tables.put(name, found);
        return found;
    }

    private Map<String, Column> columns(String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet rs = meta.getColumns(catalog, schema, table, "%")) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME"))) {
                    continue; // '_' in a name is a LIKE wildcard for getColumns
                }
                String name = rs.getString("COLUMN_NAME");
                columns.put(name, new Column(name, rs.getInt("DATA_TYPE"), rs.getString("TYPE_NAME"),
                        rs.getInt("COLUMN_SIZE"), rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls));
            }
        }
        return columns;
    }

    private List<String> primaryKey(String table) throws SQLException {
        Map<Integer, String> ordered = new java.util.TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                ordered.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return List.copyOf(ordered.values());
    }

    private List<ForeignKey> imported(String table) throws SQLException {
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
            return keys(rs);
        }
    }

    private List<ForeignKey> exported(String table) throws SQLException {
        try (ResultSet rs = meta.getExportedKeys(catalog, schema, table)) {
            return keys(rs);
        }
    }

    private static List<ForeignKey> keys(ResultSet rs) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        while (rs.next()) {
            keys.add(new ForeignKey(rs.getString("FKTABLE_NAME"), rs.getString("FKCOLUMN_NAME"),
                    rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME"), rs.getShort("DELETE_RULE")));
        }
        return keys;
    }

    Connection connection() {
        return connection;
    }
}
