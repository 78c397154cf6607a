package dev.rightsdesk.connector.sql.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorCommand.Action;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.ConnectorResult.Outcome;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.Correction;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.Progress;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import dev.rightsdesk.connector.sql.SqlConnectorFactory;
import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The demo shop installs fast and once, and its two mappings serve the README's example subject. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoShopTest {

    private static EmbeddedPostgresServer postgres;
    private static String url;
    private static long installMillis;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        postgres = new EmbeddedPostgresServer(Files.createTempDirectory("rightsdesk-demo-shop-"), port, false);
        postgres.start();
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DemoShop.DATABASE);
        }
        url = "jdbc:postgresql://127.0.0.1:" + port + "/" + DemoShop.DATABASE;
        long started = System.nanoTime();
        assertThat(DemoShop.install(url, EmbeddedPostgresServer.USER, "")).isTrue();
        installMillis = (System.nanoTime() - started) / 1_000_000;
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    @Order(1)
    void installsTenThousandCustomersQuicklyAndOnlyOnce() throws Exception {
        System.out.println("demo shop installed in " + installMillis + " ms");
        // about a second on an idle machine; the bound only catches a regression to row-by-row inserts on a busy one
        assertThat(installMillis).isLessThan(10_000);
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(DemoShop.CUSTOMERS);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE email = 'ada@example.org' AND customer_no = 'C-1042'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE address_id = (SELECT address_id FROM customer"
                + " WHERE customer_no = 'C-1042')")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM orders")).isEqualTo(30_000);

        assertThat(DemoShop.install(url, EmbeddedPostgresServer.USER, "")).isFalse();
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(DemoShop.CUSTOMERS);
    }

    @Test
    @Order(2)
    void theCrmMappingAnswersAccessWithAdasRealRows() throws Exception {
        ConnectorResult r = run("crm", "demo-shop-crm", Action.ACCESS, List.of());

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        String answer = r.answer().toString();
        assertThat(answer).contains("Ada Lovelace", "C-1042", "Keizersgracht 1", "A-101042");
        assertThat(collection(r.answer(), "orders").path("rows").size()).isEqualTo(3);
        assertThat(collection(r.answer(), "login").path("rows").size()).isEqualTo(2);
    }

    @Test
    @Order(3)
    void theNewsletterMappingRecordsAnObjectionToDirectMarketing() throws Exception {
        ConnectorResult r = run("newsletter", "demo-shop-newsletter", Action.OBJECTION, List.of("direct-marketing"));

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM newsletter_subscription WHERE email = 'ada@example.org'"
                + " AND status = 'unsubscribed'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM newsletter_suppression WHERE email = 'ada@example.org'")).isEqualTo(1);
    }

    @Test
    @Order(4)
    void theCrmMappingCorrectsTextAndDateFields() throws Exception {
        ConnectorResult r = run("crm", "demo-shop-crm", Action.RECTIFICATION, List.of(),
                List.of(new Correction("name", "Ada Lovelace", "Ada King"), new Correction("birthDate", null, "1985-12-11")));

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE customer_no = 'C-1042' AND full_name = 'Ada King'"
                + " AND birth_date = DATE '1985-12-11'")).isEqualTo(1);
    }

    @Test
    @Order(5)
    void theCrmMappingErasesAdaKeepsTheOrdersMaskedAndTheHouseholdAddress() throws Exception {
        ConnectorResult r = run("crm", "demo-shop-crm", Action.ERASURE, List.of());

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE customer_no = 'C-1042'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM orders WHERE order_no IN ('A-101042', 'A-111042', 'A-121042')"
                + " AND customer_id IS NULL AND shipping_name = '[erased]' AND shipping_street <> 'Keizersgracht 1'"))
                .isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM address WHERE street = 'Keizersgracht 1'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(DemoShop.CUSTOMERS - 1);
        assertThat(r.evidence().path("postErasureCheck").path("passed").asBoolean()).isTrue();
    }

    private static ConnectorResult run(String system, String mapping, Action action, List<String> purposes)
            throws Exception {
        return run(system, mapping, action, purposes, List.of());
    }

    private static ConnectorResult run(String system, String mapping, Action action, List<String> purposes,
            List<Correction> corrections) throws Exception {
        ObjectNode config = new ObjectMapper().createObjectNode().put("type", "sql").put("jdbcUrl", url)
                .put("username", EmbeddedPostgresServer.USER).put("dataset", "classpath:connectors/" + mapping + ".yaml");
        try (DataStoreConnector connector = new SqlConnectorFactory().create(
                new ConnectorSettings(system, "sql", config, null, ref -> Optional.empty(), false))) {
            connector.validate();
            return connector.execute(new ConnectorCommand(UUID.randomUUID(), UUID.randomUUID(), system, action, 1,
                    List.of(new SubjectIdentifier("email", DemoShop.EXAMPLE_EMAIL, true),
                            new SubjectIdentifier("customerId", DemoShop.EXAMPLE_CUSTOMER_NO, false)),
                    corrections, null, action == Action.OBJECTION ? "DIRECT_MARKETING" : null, purposes, false),
                    Progress.SILENT);
        }
    }

    private static JsonNode collection(JsonNode answer, String name) {
        for (JsonNode c : answer.path("collections")) {
            if (c.path("collection").asText().equals(name)) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresServer.USER, "");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
