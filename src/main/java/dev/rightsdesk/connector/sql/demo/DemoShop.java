package dev.rightsdesk.connector.sql.demo;

/**
 * PLACEHOLDER of branch connector-runtime, to be REPLACED by the real class of branch connector-sql when the two are
 * merged (same package, name and signature). The real one creates the demo shop's schema and deterministic fake data
 * (customers, shared addresses, orders, logins, newsletter subscriptions) in the given database. This placeholder
 * does nothing, so that the embedded run's wiring (Rightsdesk.main) compiles and runs on this branch alone.
 */
public final class DemoShop {

    private DemoShop() {
    }

    /** Installs the demo shop into the (empty or already installed) database at {@code jdbcUrl}. Idempotent. */
    public static void install(String jdbcUrl, String user, String password) {
        // placeholder: see the class comment
    }
}
