package dev.rightsdesk.connector;

import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Built-in workers on, with the test systems file: {@code people} served by the test-table engine on a table of its
 * own database ({@code connector_target}) in the test PostgreSQL, which exists before the application starts.
 */
public class ConnectorTestProfile implements QuarkusTestProfile {

    public static final String DATABASE = "connector_target";

    /** The demo tests: the bundled registry with crm and newsletter on the test-table engine. */
    public static Map<String, String> demoConnectors() {
        EmbeddedEnginesTestResource.startEngines();
        createTarget();
        return Map.of("rightsdesk.connectors.enabled", "true",
                "rightsdesk.systems.file", "classpath:demo-test-systems.yaml",
                "rightsdesk.test.connector-target-url", url());
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        EmbeddedEnginesTestResource.startEngines();
        createTarget();
        Map<String, String> config = new HashMap<>();
        config.put("rightsdesk.connectors.enabled", "true");
        config.put("rightsdesk.connectors.acknowledge-after", "300ms");
        config.put("rightsdesk.systems.file", "classpath:connector-test-systems.yaml");
        config.put("rightsdesk.test.connector-target-url", url());
        config.put("rightsdesk.intake.verification-required", "false");
        config.put("rightsdesk.review.approval-required", "false");
        config.put("rightsdesk.demo.enabled", "false");
        return config;
    }

    public static String url() {
        return "jdbc:postgresql://127.0.0.1:" + EmbeddedEnginesTestResource.postgres().port() + "/" + DATABASE;
    }

    static String adminUrl() {
        return "jdbc:postgresql://127.0.0.1:" + EmbeddedEnginesTestResource.postgres().port() + "/postgres";
    }

    public static synchronized void createTarget() {
        try (Connection c = DriverManager.getConnection(adminUrl(), "postgres", ""); Statement s = c.createStatement()) {
            if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'").next()) {
                s.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        try (Connection c = DriverManager.getConnection(url(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS people (id serial PRIMARY KEY, email text NOT NULL, customer_no text,"
                    + " name text)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
