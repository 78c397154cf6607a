package dev.rightsdesk.connector;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorFactory;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import dev.rightsdesk.connector.spi.Progress;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small engine for the runtime's tests ({@code type: test-table}): one real table {@code people(email, customer_no,
 * name)} in a real PostgreSQL database, looked up by the verified e-mail and by a customer number only when verified.
 * A fresh connection per command, so that closing the database to connections is a real outage.
 */
@ApplicationScoped
public class TestTableConnectorFactory implements ConnectorFactory {

    /** Holds every command until opened: lets a test see ACKNOWLEDGED before the final answer. */
    static volatile CountDownLatch hold = new CountDownLatch(0);

    @Override
    public String type() {
        return "test-table";
    }

    @Override
    public DataStoreConnector create(ConnectorSettings settings) throws InvalidConnectorConfig {
        String url = settings.config().path("jdbcUrl").asText(null);
        String table = settings.config().path("table").asText(null);
        if (url == null || table == null || !table.matches("[a-z_]+")) {
            throw new InvalidConnectorConfig("test-table needs 'jdbcUrl' and 'table'");
        }
        String user = settings.config().path("user").asText("postgres");
        String password = settings.secrets().apply("password").orElse("");
        return new Engine(url, user, password, table, settings.dryRun());
    }

    record Engine(String url, String user, String password, String table, boolean dryRun) implements DataStoreConnector {

        @Override
        public void validate() throws InvalidConnectorConfig {
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.createStatement().execute("SELECT email, customer_no, name FROM " + table + " WHERE false");
            } catch (SQLException e) {
                throw new InvalidConnectorConfig("table " + table + " cannot be read (" + e.getSQLState() + ")");
            }
        }

        @Override
        public ConnectorResult execute(ConnectorCommand command, Progress progress) throws ConnectorFailure {
            try {
                if (!hold.await(30, TimeUnit.SECONDS)) {
                    throw new ConnectorFailure("held too long", true);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectorFailure("interrupted", true);
            }
            ObjectNode evidence = JsonNodeFactory.instance.objectNode();
            List<String> where = new ArrayList<>();
            List<String> values = new ArrayList<>();
            for (SubjectIdentifier id : command.identifiers()) {
                String column = switch (id.type()) {
                    case "email" -> "email";
                    case "customerId" -> "customer_no";
                    default -> null;
                };
                if (column == null) {
                    continue;
                }
                if (!id.verified()) {
                    evidence.withArray("skippedUnverified").add(id.type());
                    continue;
                }
                where.add(column + " = ?");
                values.add(id.value());
            }
            if (where.isEmpty()) {
                return ConnectorResult.notFound("no verified identifier", evidence);
            }
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                c.setAutoCommit(false);
                String condition = String.join(" OR ", where);
                var rows = JsonNodeFactory.instance.arrayNode();
                try (PreparedStatement s = c.prepareStatement("SELECT email, customer_no, name FROM " + table + " WHERE " + condition)) {
                    for (int i = 0; i < values.size(); i++) {
                        s.setString(i + 1, values.get(i));
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            rows.addObject().put("email", rs.getString(1)).put("customerNo", rs.getString(2)).put("name", rs.getString(3));
                        }
                    }
                }
                evidence.putObject(table).put("found", rows.size());
                if (rows.isEmpty()) {
                    return ConnectorResult.notFound("no row", evidence);
                }
                ConnectorResult result;
                if (command.action() == ConnectorCommand.Action.ERASURE) {
                    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + condition)) {
                        for (int i = 0; i < values.size(); i++) {
                            s.setString(i + 1, values.get(i));
                        }
                        ((ObjectNode) evidence.get(table)).put("deleted", s.executeUpdate());
                    }
                    result = ConnectorResult.completed(rows.size() + " row(s) deleted", evidence);
                } else {
                    var answer = JsonNodeFactory.instance.objectNode();
                    answer.set(table, rows);
                    result = ConnectorResult.completed(rows.size() + " row(s)", evidence).withAnswer(answer);
                }
                if (dryRun) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return result;
            } catch (SQLException e) {
                throw new ConnectorFailure("database unavailable (SQLState " + e.getSQLState() + ")", true, e);
            }
        }
    }
}
