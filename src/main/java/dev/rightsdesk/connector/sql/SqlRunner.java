package dev.rightsdesk.connector.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Runs the statements of one command on one connection: always parameterised, with the statement timeout set, and
 * remembering each statement's shape (the SQL text with IN lists folded, never a value) for the evidence.
 */
final class SqlRunner {

    /** Rows per IN list: well under every driver's parameter limit, large enough to keep round trips few. */
    static final int CHUNK = 500;

    private static final Pattern IN_LIST = Pattern.compile("\\(\\?(, \\?)+\\)");

    private final Connection connection;
    private final int timeoutSeconds;
    private final Set<String> shapes = new LinkedHashSet<>();
    private int statements;

    SqlRunner(Connection connection, int timeoutSeconds) {
        this.connection = connection;
        this.timeoutSeconds = timeoutSeconds;
    }

    Connection connection() {
        return connection;
    }

    /** "(?, ?, ?)" for n values. */
    static String placeholders(int n) {
        return "(" + String.join(", ", Collections.nCopies(n, "?")) + ")";
    }

    /** Splits values into IN-list chunks of at most {@link #CHUNK}. */
    static <T> List<List<T>> chunks(Collection<T> values) {
        List<T> all = new ArrayList<>(values);
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }

    List<Object[]> query(String sql, List<?> params, int columns) throws SQLException {
        remember(sql);
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                rows.add(row);
            }
            return rows;
        }
    }

    int update(String sql, List<?> params) throws SQLException {
        remember(sql);
        try (PreparedStatement ps = prepare(sql, params)) {
            return ps.executeUpdate();
        }
    }

    /** One statement, many parameter sets (masks that differ per row); returns the rows changed. */
    int batch(String sql, List<List<Object>> paramSets) throws SQLException {
        if (paramSets.isEmpty()) {
            return 0;
        }
        remember(sql);
        int changed = 0;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setQueryTimeout(timeoutSeconds);
            for (List<Object> params : paramSets) {
                bind(ps, params);
                ps.addBatch();
            }
            for (int n : ps.executeBatch()) {
                // SUCCESS_NO_INFO (-2): the driver knows the row was written but not the count
                changed += n >= 0 ? n : 1;
            }
        }
        return changed;
    }

    private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            ps.setQueryTimeout(timeoutSeconds);
            bind(ps, params);
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i) instanceof Typed t) {
                ps.setObject(i + 1, t.value(), t.sqlType());
            } else {
                ps.setObject(i + 1, params.get(i));
            }
        }
    }

    /**
     * A value written as text (a correction, a fixed mask from the mapping file) into a column of another type:
     * the driver converts it to the column's JDBC type, as PostgreSQL will not cast a VARCHAR parameter itself.
     */
    record Typed(Object value, int sqlType) {
        static Object of(Object value, SchemaCatalog.Column column) {
            return value == null || column.isText() ? value : new Typed(value, column.jdbcType());
        }

        @Override
        public String toString() {
            return "Typed[sqlType=" + sqlType + "]";
        }
    }

    private void remember(String sql) {
        statements++;
        shapes.add(IN_LIST.matcher(sql).replaceAll("(?, ...)"));
    }

    List<String> shapes() {
        return List.copyOf(shapes);
    }

    int statementCount() {
        return statements;
    }
}
