package dev.rightsdesk.platform.security;

/**
 * The staff roles. {@code officer} works tickets; {@code admin} also manages connected systems and users' roles
 * and has every officer right ({@link AdminIsAlsoOfficer}); {@code auditor} reads everything and changes nothing.
 */
public final class Roles {

    public static final String OFFICER = "officer";
    public static final String ADMIN = "admin";
    public static final String AUDITOR = "auditor";

    private Roles() {
    }
}
