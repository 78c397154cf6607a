package dev.rightsdesk.platform.security;

/**
 * The staff roles. {@code officer} works tickets; {@code admin} also manages connected systems and users' roles
 * and has every officer right ({@link AdminIsAlsoOfficer}); {@code auditor} reads everything and changes nothing.
 */
public final class Roles {

    public static final String OFFICER = "officer";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";
    /** A connector's service account: may fetch tickets' data keys (crypto-shredding, ADR 0006), nothing else. */
    public static final String CONNECTOR = "connector";

    private Roles() {
    }
}
