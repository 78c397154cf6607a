package dev.rightsdesk.connector.sql.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The demo web shop the embedded run connects as systems {@code crm} and {@code newsletter}: a real PostgreSQL
 * schema with deterministic fake data for 10,000 customers (addresses shared by households, orders kept seven years
 * for tax law, logins, newsletter subscriptions per purpose) and the README's example subject, Ada Lovelace,
 * {@code ada@example.org}, customer number {@code C-1042}, who shares her address with customer C-1041.
 * Mapped by {@code connectors/demo-shop-crm.yaml} and {@code connectors/demo-shop-newsletter.yaml}.
 */
public final class DemoShop {

    /** The demo database's name in the embedded PostgreSQL. */
    public static final String DATABASE = "demo_shop";
    public static final int CUSTOMERS = 10_000;
    public static final String EXAMPLE_EMAIL = "ada@example.org";
    public static final String EXAMPLE_CUSTOMER_NO = "C-1042";

    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE address (id BIGINT PRIMARY KEY, street VARCHAR(200) NOT NULL, postcode VARCHAR(12) NOT NULL,"
                    + " city VARCHAR(100) NOT NULL, country CHAR(2) NOT NULL)",
            "CREATE TABLE customer (id BIGINT PRIMARY KEY, customer_no VARCHAR(20) NOT NULL UNIQUE,"
                    + " email VARCHAR(254) NOT NULL UNIQUE, full_name VARCHAR(200) NOT NULL, phone VARCHAR(40),"
                    + " birth_date DATE, address_id BIGINT,"
                    + " marketing_opt_out BOOLEAN NOT NULL DEFAULT FALSE, ai_training_opt_out BOOLEAN NOT NULL DEFAULT FALSE,"
                    + " created_at TIMESTAMP NOT NULL)",
            "CREATE TABLE orders (id BIGINT PRIMARY KEY, order_no VARCHAR(20) NOT NULL UNIQUE,"
                    + " customer_id BIGINT, ordered_at TIMESTAMP NOT NULL,"
                    + " total_cents INT NOT NULL, currency CHAR(3) NOT NULL, shipping_name VARCHAR(200) NOT NULL,"
                    + " shipping_street VARCHAR(200) NOT NULL, shipping_city VARCHAR(100) NOT NULL)",
            "CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL,"
                    + " sku VARCHAR(40) NOT NULL, description VARCHAR(200) NOT NULL, quantity INT NOT NULL,"
                    + " unit_price_cents INT NOT NULL)",
            "CREATE TABLE login (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                    + " logged_in_at TIMESTAMP NOT NULL, ip_address VARCHAR(45) NOT NULL, user_agent VARCHAR(200))",
            "CREATE TABLE newsletter_subscription (id BIGINT PRIMARY KEY, email VARCHAR(254) NOT NULL,"
                    + " purpose VARCHAR(40) NOT NULL, status VARCHAR(20) NOT NULL, subscribed_at TIMESTAMP NOT NULL,"
                    + " UNIQUE (email, purpose))",
            "CREATE TABLE newsletter_suppression (email VARCHAR(254) NOT NULL, purpose VARCHAR(40) NOT NULL,"
                    + " source VARCHAR(40) NOT NULL, created_at TIMESTAMP NOT NULL DEFAULT now(), PRIMARY KEY (email, purpose))");

    /** Set-based inserts: the whole shop is seeded in a few statements, well under a second. */
    private static final List<String> DATA = List.of(
            "INSERT INTO address SELECT i,"
                    + " (ARRAY['Keizersgracht','Prinsengracht','Herengracht','Damrak','Rokin','Spui','Singel','Overtoom',"
                    + "'Ferdinand Bolstraat','Kinkerstraat'])[1 + i % 10] || ' ' || (1 + i / 10),"
                    + " (1000 + i % 9000)::text || ' ' || chr(65 + i % 26) || chr(65 + (i / 26) % 26),"
                    + " (ARRAY['Amsterdam','Utrecht','Rotterdam','Den Haag','Haarlem','Leiden','Delft','Zwolle'])[1 + i % 8],"
                    + " 'NL' FROM generate_series(1, 5000) AS i",
            "UPDATE address SET street = 'Keizersgracht 1', postcode = '1015 AA', city = 'Amsterdam' WHERE id = 521",
            // two people per address: customers 2k-1 and 2k form a household
            "INSERT INTO customer (id, customer_no, email, full_name, phone, birth_date, address_id, created_at)"
                    + " SELECT i, 'C-' || i, 'customer' || i || '@example.net',"
                    + " (ARRAY['Anna','Bram','Chloe','Daan','Emma','Finn','Gijs','Hanna','Isa','Jesse','Lotte','Milan'])[1 + i % 12]"
                    + " || ' ' || (ARRAY['de Vries','Jansen','Bakker','Visser','Smit','Meijer','Mulder','de Boer','Bos',"
                    + "'Peters'])[1 + (i / 12) % 10],"
                    + " CASE WHEN i % 3 = 0 THEN NULL ELSE '+31 20 ' || lpad(i::text, 7, '0') END,"
                    + " DATE '1950-01-01' + (i * 37) % 18000, (i + 1) / 2,"
                    + " TIMESTAMP '2019-01-01 09:00' + i * INTERVAL '3 hours' FROM generate_series(1, 10000) AS i",
            "UPDATE customer SET email = 'ada@example.org', full_name = 'Ada Lovelace', phone = '+31 20 555 0101',"
                    + " birth_date = DATE '1985-12-10' WHERE id = 1042",
            // three orders per customer over seven years, two lines each
            "INSERT INTO orders SELECT o, 'A-' || (100000 + o), c.id, TIMESTAMP '2018-01-01 10:00' + o * INTERVAL '2 hours',"
                    + " 1990 + (o * 7919) % 20000, 'EUR', c.full_name, a.street, a.city"
                    + " FROM generate_series(1, 30000) AS o JOIN customer c ON c.id = 1 + (o - 1) % 10000"
                    + " JOIN address a ON a.id = c.address_id",
            "INSERT INTO order_line SELECT l, 1 + (l - 1) / 2, 'SKU-' || (1000 + l % 400),"
                    + " (ARRAY['Notebook','Fountain pen','Ink bottle','Desk lamp','Reading glasses','Tea tin'])[1 + l % 6],"
                    + " 1 + l % 3, 495 + (l * 31) % 5000 FROM generate_series(1, 60000) AS l",
            "INSERT INTO login SELECT g, 1 + (g - 1) % 10000, TIMESTAMP '2025-01-01 08:00' + g * INTERVAL '17 minutes',"
                    + " '198.51.' || (g % 250) || '.' || (1 + g % 253),"
                    + " (ARRAY['Firefox/128.0','Chrome/126.0','Safari/17.5'])[1 + g % 3] FROM generate_series(1, 20000) AS g",
            "INSERT INTO newsletter_subscription SELECT row_number() OVER (), email, purpose, 'active', created_at"
                    + " FROM (SELECT c.email, p.purpose, c.created_at FROM customer c"
                    + " CROSS JOIN (VALUES ('product-news', 2), ('partner-offers', 5)) AS p (purpose, every)"
                    + " WHERE c.id % p.every = 0 OR c.id = 1042 ORDER BY c.id, p.purpose) AS s",
            // foreign keys after the data: one validating join each instead of a trigger call per inserted row
            "ALTER TABLE customer ADD FOREIGN KEY (address_id) REFERENCES address (id)",
            "ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customer (id)",
            "ALTER TABLE order_line ADD FOREIGN KEY (order_id) REFERENCES orders (id)",
            "ALTER TABLE login ADD FOREIGN KEY (customer_id) REFERENCES customer (id)",
            "CREATE INDEX customer_email_lower ON customer (lower(email))",
            "CREATE INDEX orders_customer ON orders (customer_id)",
            "CREATE INDEX order_line_order ON order_line (order_id)",
            "CREATE INDEX login_customer ON login (customer_id)",
            "CREATE INDEX customer_address ON customer (address_id)",
            "CREATE INDEX newsletter_subscription_email_lower ON newsletter_subscription (lower(email))",
            "ANALYZE");

    private DemoShop() {
    }

    /**
     * Creates the schema and the data in the database at {@code jdbcUrl} unless they are there already; one
     * transaction, so a start that is killed half-way leaves nothing behind. Safe to call on every start.
     *
     * @return true when the shop was created now, false when it was there already
     */
    public static boolean install(String jdbcUrl, String user, String password) {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password == null ? "" : password);
        try (Connection c = new org.postgresql.Driver().connect(jdbcUrl, p)) {
            if (c == null) {
                throw new IllegalArgumentException("the demo shop needs a jdbc:postgresql: URL");
            }
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // two replicas starting at once must not both seed
                s.execute("SELECT pg_advisory_xact_lock(774201)");
                if (installed(s)) {
                    c.rollback();
                    return false;
                }
                for (String sql : SCHEMA) {
                    s.execute(sql);
                }
                for (String sql : DATA) {
                    s.execute(sql);
                }
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not install the demo shop (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static boolean installed(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT to_regclass('customer') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
