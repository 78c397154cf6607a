package dev.rightsdesk.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorCommand.Action;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.ConnectorResult.Outcome;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.Correction;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import dev.rightsdesk.connector.spi.Progress;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the SQL connector does to a real database, the same scenarios for every dialect: a subclass starts the
 * database and says how to stop and restart it.
 */
abstract class SqlConnectorScenarios {

    static final String ADA = "ada@example.org";
    static final String HASH_KEY = "c2NlbmFyaW8tdGVzdC1oYXNoLWtleS0zMi1ieXRlcyE=";

    abstract String jdbcUrl();

    abstract String user();

    abstract String password();

    abstract void stopDatabase();

    abstract void startDatabase();

    @BeforeEach
    void freshShop() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String table : List.of("suppression", "newsletter_subscription", "login", "order_line", "orders",
                    "customer", "address")) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            s.execute("CREATE TABLE address (id BIGINT PRIMARY KEY, street VARCHAR(200) NOT NULL,"
                    + " city VARCHAR(100) NOT NULL)");
            s.execute("CREATE TABLE customer (id BIGINT PRIMARY KEY, customer_no VARCHAR(20) NOT NULL UNIQUE,"
                    + " email VARCHAR(254) NOT NULL UNIQUE, full_name VARCHAR(200) NOT NULL, phone VARCHAR(40),"
                    + " address_id BIGINT, ai_training_opt_out BOOLEAN NOT NULL DEFAULT FALSE,"
                    + " FOREIGN KEY (address_id) REFERENCES address (id))");
            s.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT, ordered_at DATE NOT NULL,"
                    + " shipping_name VARCHAR(40) NOT NULL, shipping_street VARCHAR(200) NOT NULL,"
                    + " FOREIGN KEY (customer_id) REFERENCES customer (id))");
            s.execute("CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL, sku VARCHAR(40) NOT NULL,"
                    + " quantity INT NOT NULL, FOREIGN KEY (order_id) REFERENCES orders (id))");
            s.execute("CREATE TABLE login (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                    + " ip_address VARCHAR(45) NOT NULL, FOREIGN KEY (customer_id) REFERENCES customer (id))");
            s.execute("CREATE TABLE newsletter_subscription (id BIGINT PRIMARY KEY, email VARCHAR(254) NOT NULL,"
                    + " purpose VARCHAR(40) NOT NULL, status VARCHAR(20) NOT NULL)");
            s.execute("CREATE TABLE suppression (email VARCHAR(254) NOT NULL, purpose VARCHAR(40) NOT NULL,"
                    + " source VARCHAR(40) NOT NULL)");
            s.execute("INSERT INTO address VALUES (1, 'Keizersgracht 1', 'Amsterdam'), (2, 'Prinsengracht 2', 'Amsterdam')");
            s.execute("INSERT INTO customer (id, customer_no, email, full_name, phone, address_id) VALUES"
                    + " (1, 'C-1042', 'Ada@Example.org', 'Ada Lovelace', '+31 20 555 0101', 1),"
                    + " (2, 'C-2001', 'bob@example.org', 'Bob Lovelace', '+31 20 555 0102', 1),"
                    + " (3, 'C-3000', 'carol@example.org', 'Carol Baker', NULL, 2)");
            s.execute("INSERT INTO orders VALUES (10, 1, DATE '2024-05-02', 'Ada Lovelace', 'Keizersgracht 1'),"
                    + " (11, 1, DATE '2024-11-20', 'Ada Lovelace', 'Keizersgracht 1'),"
                    + " (20, 2, DATE '2024-06-01', 'Bob Lovelace', 'Keizersgracht 1'),"
                    + " (30, 3, DATE '2025-01-15', 'Carol Baker', 'Prinsengracht 2')");
            s.execute("INSERT INTO order_line VALUES (100, 10, 'BOOK-1', 1), (101, 10, 'PEN-2', 3), (102, 11, 'INK-9', 1),"
                    + " (200, 20, 'BOOK-1', 2), (300, 30, 'LAMP-4', 1)");
            s.execute("INSERT INTO login VALUES (1000, 1, '192.0.2.10'), (1001, 1, '192.0.2.11'), (2000, 2, '192.0.2.20'),"
                    + " (3000, 3, '192.0.2.30')");
            s.execute("INSERT INTO newsletter_subscription VALUES (1, 'ada@example.org', 'product-news', 'active'),"
                    + " (2, 'ada@example.org', 'partner-offers', 'active'), (3, 'bob@example.org', 'product-news', 'active')");
        }
    }

    // ---- access ----

    @Test
    void accessAnswersTheSubjectsRowsGroupedByCollectionWithCategories() throws Exception {
        ConnectorResult r = run("test-shop", Action.ACCESS, verifiedAda());

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        JsonNode answer = r.answer();
        assertThat(rows(answer, "customer")).hasSize(1);
        assertThat(rows(answer, "customer").get(0).path("full_name").asText()).isEqualTo("Ada Lovelace");
        assertThat(rows(answer, "orders")).hasSize(2);
        assertThat(rows(answer, "order_line")).hasSize(3);
        assertThat(rows(answer, "login")).hasSize(2);
        assertThat(rows(answer, "address")).hasSize(1);
        assertThat(collection(answer, "customer").path("categories").toString()).contains("contact", "identity");
        assertThat(answer.toString()).doesNotContain("bob@example.org", "Bob", "Carol", "192.0.2.20");
        assertThat(count(r.evidence(), "customer", "found")).isEqualTo(1);
        assertThat(r.evidence().path("statements").toString()).doesNotContain("Lovelace", ADA);
    }

    @Test
    void accessForAnUnknownSubjectIsNotFound() throws Exception {
        ConnectorResult r = run("test-shop", Action.ACCESS, List.of(new SubjectIdentifier("email", "nobody@example.org", true)));

        assertThat(r.outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    // ---- verified identifiers ----

    @Test
    void anUnverifiedCustomerNumberOfSomebodyElseDoesNotPullInTheirData() throws Exception {
        List<SubjectIdentifier> ids = List.of(new SubjectIdentifier("email", ADA, true),
                new SubjectIdentifier("customerId", "C-2001", false));

        ConnectorResult r = run("test-shop", Action.ACCESS, ids);

        assertThat(r.answer().toString()).doesNotContain("bob@example.org", "Bob Lovelace", "C-2001");
        assertThat(rows(r.answer(), "customer")).hasSize(1);
        JsonNode customerId = identifier(r.evidence(), "customerId");
        assertThat(customerId.path("used").asBoolean()).isFalse();
        assertThat(customerId.path("skipped").asText()).contains("not used");
    }

    @Test
    void anUnverifiedIdentifierAloneFindsNothingAndTheOwnNumberIsConfirmedByTheVerifiedEmail() throws Exception {
        ConnectorResult alone = run("test-shop", Action.ACCESS, List.of(new SubjectIdentifier("customerId", "C-2001", false)));
        assertThat(alone.outcome()).isEqualTo(Outcome.NOT_FOUND);

        ConnectorResult own = run("test-shop", Action.ACCESS, List.of(new SubjectIdentifier("email", ADA, true),
                new SubjectIdentifier("customerId", "C-1042", false)));
        assertThat(identifier(own.evidence(), "customerId").path("used").asBoolean()).isTrue();
        assertThat(rows(own.answer(), "customer")).hasSize(1);
    }

    @Test
    void anUnverifiedIdentifierCannotErasesomebodyElse() throws Exception {
        ConnectorResult r = run("test-shop", Action.ERASURE, List.of(new SubjectIdentifier("email", ADA, true),
                new SubjectIdentifier("customerId", "C-3000", false)));

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE customer_no = 'C-3000'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM login WHERE customer_id = 3")).isEqualTo(1);
    }

    // ---- erasure ----

    @Test
    void erasureDeletesInForeignKeyOrderKeepsTheSharedAddressAndMasksRetainedOrders() throws Exception {
        ConnectorResult r = run("test-shop", Action.ERASURE, verifiedAda());

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE id = 1")).isZero();
        assertThat(count("SELECT COUNT(*) FROM login WHERE customer_id = 1")).isZero();
        // retained for tax law, detached from the customer and with the personal fields masked
        assertThat(count("SELECT COUNT(*) FROM orders WHERE id IN (10, 11) AND customer_id IS NULL"
                + " AND shipping_street = '[erased]'")).isEqualTo(2);
        // shipping_name is NOT NULL and mapped 'mask: null': it is hashed (cut to the column's 40 characters)
        List<String> names = strings("SELECT shipping_name FROM orders WHERE id IN (10, 11)");
        assertThat(names).hasSize(2).allSatisfy(n -> assertThat(n).hasSize(40).matches("[0-9a-f]+"));
        assertThat(count("SELECT COUNT(*) FROM order_line WHERE order_id IN (10, 11)")).isEqualTo(3);
        // the household address is Bob's too: kept and reported
        assertThat(count("SELECT COUNT(*) FROM address WHERE id = 1")).isEqualTo(1);
        assertThat(count(r.evidence(), "address", "retained")).isEqualTo(1);
        assertThat(collectionEvidence(r.evidence(), "address").path("retainedReasons").toString()).contains("shared");
        // nobody else touched
        assertThat(count("SELECT COUNT(*) FROM customer")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM orders WHERE id = 20 AND customer_id = 2 AND shipping_name = 'Bob Lovelace'"))
                .isEqualTo(1);
        // evidence: counts per collection, the order from the foreign keys, statement shapes without values
        assertThat(count(r.evidence(), "customer", "deleted")).isEqualTo(1);
        assertThat(count(r.evidence(), "login", "deleted")).isEqualTo(2);
        assertThat(count(r.evidence(), "orders", "masked")).isEqualTo(2);
        assertThat(count(r.evidence(), "orders", "retained")).isEqualTo(2);
        List<String> order = new ArrayList<>();
        r.evidence().path("order").forEach(n -> order.add(n.asText()));
        assertThat(order.indexOf("login")).isLessThan(order.indexOf("customer"));
        assertThat(order.indexOf("orders")).isLessThan(order.indexOf("customer"));
        assertThat(order.indexOf("order_line")).isLessThan(order.indexOf("orders"));
        assertThat(order.indexOf("customer")).isLessThan(order.indexOf("address"));
        List<String> shapes = new ArrayList<>();
        r.evidence().path("statements").forEach(n -> shapes.add(n.asText()));
        String statements = String.join("\n", shapes);
        assertThat(statements.indexOf("DELETE FROM " + q("login"))).isLessThan(statements.indexOf("DELETE FROM " + q("customer")));
        assertThat(statements).doesNotContain("Lovelace", "Keizersgracht", "192.0.2");
        assertThat(r.evidence().path("postErasureCheck").path("passed").asBoolean()).isTrue();
        assertThat(r.evidence().path("recipients").toString()).contains("Parcel carrier");
        assertThat(r.evidence().path("committed").asBoolean()).isTrue();
        assertThat(r.evidence().has("durationMs")).isTrue();
    }

    @Test
    void erasureOfSomebodyWhoseAddressIsTheirsAloneDeletesIt() throws Exception {
        ConnectorResult r = run("test-shop", Action.ERASURE, List.of(new SubjectIdentifier("email", "carol@example.org", true)));

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM address WHERE id = 2")).isZero();
        assertThat(count(r.evidence(), "address", "deleted")).isEqualTo(1);
    }

    @Test
    void moreRowsThanOneInListAreFoundAndErasedInChunks() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            StringBuilder insert = new StringBuilder("INSERT INTO login VALUES ");
            for (int i = 0; i < 1_201; i++) {
                insert.append(i == 0 ? "" : ", ").append("(").append(10_000 + i).append(", 3, '198.51.100.1')");
            }
            s.execute(insert.toString());
        }
        List<SubjectIdentifier> carol = List.of(new SubjectIdentifier("email", "carol@example.org", true));

        ConnectorResult access = run("test-shop", Action.ACCESS, carol);
        assertThat(rows(access.answer(), "login")).hasSize(1_202);

        ConnectorResult erased = run("test-shop", Action.ERASURE, carol);
        assertThat(erased.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count(erased.evidence(), "login", "deleted")).isEqualTo(1_202);
        assertThat(count("SELECT COUNT(*) FROM login WHERE customer_id = 3")).isZero();
        assertThat(count("SELECT COUNT(*) FROM login")).isEqualTo(3);
    }

    @Test
    void aRepeatedErasureFindsNothingAndDoesNothing() throws Exception {
        run("test-shop", Action.ERASURE, verifiedAda());
        String before = snapshot();

        ConnectorResult again = run("test-shop", Action.ERASURE, verifiedAda());

        assertThat(again.outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(again.evidence().path("statements").toString()).doesNotContain("DELETE", "UPDATE");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void dryRunAnswersTheExactCountsAndLeavesTheDataAsItWas() throws Exception {
        String before = snapshot();

        ConnectorResult r = run("test-shop", Action.ERASURE, verifiedAda(), true, List.of());

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(r.evidence().path("dryRun").asBoolean()).isTrue();
        assertThat(r.evidence().path("committed").asBoolean()).isFalse();
        assertThat(count(r.evidence(), "customer", "deleted")).isEqualTo(1);
        assertThat(count(r.evidence(), "login", "deleted")).isEqualTo(2);
        assertThat(count(r.evidence(), "orders", "masked")).isEqualTo(2);
        assertThat(count(r.evidence(), "address", "retained")).isEqualTo(1);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void thePostErasureCheckRollsBackAnIncompleteMapping() throws Exception {
        String before = snapshot();

        ConnectorResult r = run("test-shop-incomplete", Action.ERASURE, verifiedAda());

        assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.retryable()).isFalse();
        assertThat(r.reason()).contains("post-erasure check", "customer").doesNotContain(ADA, "Lovelace");
        assertThat(r.evidence().path("postErasureCheck").path("passed").asBoolean()).isFalse();
        assertThat(snapshot()).isEqualTo(before);
    }

    // ---- rectification ----

    @Test
    void rectificationUpdatesTheMappedFieldOfTheSubjectOnlyAndNamesTheRecipients() throws Exception {
        ConnectorResult r = run("test-shop", Action.RECTIFICATION, verifiedAda(), false,
                List.of(new Correction("name", "Ada Lovelace", "Ada King"), new Correction("phone", null, "+31 20 555 0199")));

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(strings("SELECT full_name FROM customer WHERE id = 1")).containsExactly("Ada King");
        assertThat(strings("SELECT phone FROM customer WHERE id = 1")).containsExactly("+31 20 555 0199");
        assertThat(strings("SELECT full_name FROM customer WHERE id = 2")).containsExactly("Bob Lovelace");
        assertThat(count(r.evidence(), "customer", "updated")).isEqualTo(2);
        assertThat(r.evidence().path("recipients").toString()).contains("Parcel carrier");
        assertThat(r.evidence().toString()).doesNotContain("Ada King", "555 0199");
    }

    @Test
    void rectificationOfASharedAddressLeavesTheHouseholdsRowAloneAndAFieldNotHeldIsReported() throws Exception {
        ConnectorResult r = run("test-shop", Action.RECTIFICATION, verifiedAda(), false,
                List.of(new Correction("address", null, "Herengracht 3"), new Correction("shoeSize", null, "38")));

        assertThat(r.outcome()).isEqualTo(Outcome.PARTIAL);
        assertThat(r.reason()).contains("shoeSize");
        assertThat(strings("SELECT street FROM address WHERE id = 1")).containsExactly("Keizersgracht 1");
    }

    // ---- objection ----

    @Test
    void objectionToAiTrainingSetsTheOptOutOnceAndAPurposeNotProcessedIsNotFound() throws Exception {
        ConnectorResult r = run("test-shop", Action.OBJECTION, verifiedAda(), List.of("ai-training"));

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM customer WHERE ai_training_opt_out = TRUE")).isEqualTo(1);
        assertThat(count(r.evidence(), "customer", "updated")).isEqualTo(1);

        ConnectorResult again = run("test-shop", Action.OBJECTION, verifiedAda(), List.of("ai-training"));
        assertThat(again.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count(again.evidence(), "customer", "updated")).isZero();

        ConnectorResult other = run("test-shop", Action.OBJECTION, verifiedAda(), List.of("profiling"));
        assertThat(other.outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void objectionToDirectMarketingUnsubscribesAndSuppressesOnce() throws Exception {
        ConnectorResult r = run("test-newsletter", Action.OBJECTION, verifiedAda(), List.of("direct-marketing"));

        assertThat(r.outcome()).isEqualTo(Outcome.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM newsletter_subscription WHERE status = 'unsubscribed'")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM suppression WHERE purpose = 'direct-marketing' AND source = 'rightsdesk'"))
                .isEqualTo(1);

        run("test-newsletter", Action.OBJECTION, verifiedAda(), List.of("direct-marketing"));
        assertThat(count("SELECT COUNT(*) FROM suppression")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM newsletter_subscription WHERE status = 'active'")).isEqualTo(1);
    }

    // ---- failures ----

    @Test
    void anOutageIsARetryableFailureWithoutPersonalDataAndTheResendSucceeds() throws Exception {
        try (DataStoreConnector connector = connector("test-shop", false)) {
            connector.validate();
            stopDatabase();
            try {
                assertThatThrownBy(() -> connector.execute(command(Action.ERASURE, verifiedAda(), false, List.of(), List.of()),
                        Progress.SILENT))
                        .isInstanceOfSatisfying(ConnectorFailure.class, f -> {
                            assertThat(f.retryable()).isTrue();
                            assertThat(f.getMessage()).contains("cannot be reached").doesNotContain(ADA);
                        });
            } finally {
                startDatabase();
            }
            ConnectorResult resent = connector.execute(command(Action.ERASURE, verifiedAda(), false, List.of(), List.of()),
                    Progress.SILENT);
            assertThat(resent.outcome()).isEqualTo(Outcome.COMPLETED);
            assertThat(count("SELECT COUNT(*) FROM customer WHERE id = 1")).isZero();
        }
    }

    @Test
    void aStatementThatWaitsTooLongIsARetryableFailureAndNothingIsChanged() throws Exception {
        String before = snapshot();
        try (Connection holder = connect()) {
            holder.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.execute("UPDATE customer SET phone = phone WHERE id = 1"); // holds the row lock
            }
            ObjectNode config = (ObjectNode) settingsBlock("test-shop").put("statementTimeout", "PT1S");
            try (DataStoreConnector connector = connector(config, false)) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> connector.execute(command(Action.ERASURE, verifiedAda(), false, List.of(),
                        List.of()), Progress.SILENT))
                        .isInstanceOfSatisfying(ConnectorFailure.class, f -> assertThat(f.retryable()).isTrue());
                assertThat((System.nanoTime() - started) / 1_000_000_000).isLessThan(20);
            }
            holder.rollback();
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aMappingThatDoesNotFitTheSchemaIsRefusedAtStartWithFileAndLine() throws Exception {
        try (DataStoreConnector connector = connector("test-shop-bad-column", false)) {
            assertThatThrownBy(connector::validate)
                    .isInstanceOf(InvalidConnectorConfig.class)
                    .hasMessageContaining("connectors/test-shop-bad-column.yaml, line 7:")
                    .hasMessageContaining("column 'nickname' does not exist in table 'customer'")
                    .hasMessageContaining("line 11:")
                    .hasMessageContaining("column 'uid' does not exist")
                    .hasMessageContaining("'orders' references 'customer'");
        }
    }

    // ---- helpers ----

    static List<SubjectIdentifier> verifiedAda() {
        return List.of(new SubjectIdentifier("email", ADA, true));
    }

    ConnectorResult run(String mapping, Action action, List<SubjectIdentifier> ids) throws Exception {
        return run(mapping, action, ids, false, List.of());
    }

    ConnectorResult run(String mapping, Action action, List<SubjectIdentifier> ids, List<String> purposes)
            throws Exception {
        try (DataStoreConnector connector = connector(mapping, false)) {
            connector.validate();
            return connector.execute(command(action, ids, false, List.of(), purposes), Progress.SILENT);
        }
    }

    ConnectorResult run(String mapping, Action action, List<SubjectIdentifier> ids, boolean dryRun,
            List<Correction> corrections) throws Exception {
        try (DataStoreConnector connector = connector(mapping, false)) {
            connector.validate();
            return connector.execute(command(action, ids, dryRun, corrections, List.of()), Progress.SILENT);
        }
    }

    static ConnectorCommand command(Action action, List<SubjectIdentifier> ids, boolean dryRun,
            List<Correction> corrections, List<String> purposes) {
        return new ConnectorCommand(UUID.randomUUID(), UUID.randomUUID(), "shop", action, 1, ids, corrections,
                action == Action.ERASURE ? "17(1)(a)" : null, action == Action.OBJECTION ? "LEGITIMATE_INTEREST" : null,
                purposes, dryRun);
    }

    DataStoreConnector connector(String mapping, boolean dryRun) throws InvalidConnectorConfig {
        return connector(settingsBlock(mapping), dryRun);
    }

    ObjectNode settingsBlock(String mapping) {
        return new ObjectMapper().createObjectNode().put("type", "sql").put("jdbcUrl", jdbcUrl())
                .put("username", user()).put("passwordEnv", "SHOP_DB_PASSWORD")
                .put("dataset", "classpath:connectors/" + mapping + ".yaml").put("hashKeyEnv", "SHOP_HASH_KEY")
                .put("connectTimeout", "PT2S").put("statementTimeout", "PT10S");
    }

    DataStoreConnector connector(ObjectNode config, boolean dryRun) throws InvalidConnectorConfig {
        Map<String, String> secrets = Map.of("SHOP_DB_PASSWORD", password(), "SHOP_HASH_KEY", HASH_KEY);
        return new SqlConnectorFactory().create(new ConnectorSettings("shop", "sql", config, null,
                ref -> Optional.ofNullable(secrets.get(ref)), dryRun));
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password());
    }

    long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Every row of every table, in key order: equal snapshots mean nothing changed. */
    String snapshot() throws SQLException {
        StringBuilder out = new StringBuilder();
        for (String table : List.of("address", "customer", "orders", "order_line", "login", "newsletter_subscription")) {
            try (Connection c = connect(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY id")) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    out.append(table).append(':');
                    for (int i = 1; i <= columns; i++) {
                        out.append(rs.getString(i)).append('|');
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }

    String q(String name) throws SQLException {
        try (Connection c = connect()) {
            String quote = c.getMetaData().getIdentifierQuoteString().trim();
            return quote + name + quote;
        }
    }

    static JsonNode collection(JsonNode answer, String name) {
        for (JsonNode c : answer.path("collections")) {
            if (c.path("collection").asText().equals(name)) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    static List<JsonNode> rows(JsonNode answer, String name) {
        List<JsonNode> rows = new ArrayList<>();
        collection(answer, name).path("rows").forEach(rows::add);
        return rows;
    }

    static JsonNode collectionEvidence(JsonNode evidence, String name) {
        return collection(evidence, name);
    }

    static int count(JsonNode evidence, String collection, String counter) {
        return collection(evidence, collection).path(counter).asInt(-1);
    }

    static JsonNode identifier(JsonNode evidence, String type) {
        for (JsonNode i : evidence.path("identifiers")) {
            if (i.path("type").asText().equals(type)) {
                return i;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }
}
