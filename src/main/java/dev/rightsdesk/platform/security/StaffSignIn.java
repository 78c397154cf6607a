package dev.rightsdesk.platform.security;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Derives the staff sign-in settings from two switches, so an operator sets one variable instead of four
 * (docs/officer.md):
 * <ul>
 * <li>{@value #OIDC} ({@code RIGHTSDESK_OIDC_ENABLED} or {@code QUARKUS_OIDC_TENANT_ENABLED}): OIDC on; the
 * staff API takes bearer tokens and {@code /officer} signs in through the provider (code flow).
 * Otherwise HTTP Basic for the API and form sign-in for {@code /officer}.</li>
 * <li>{@value #BUILT_IN_USERS}: the users {@code officer}, {@code admin} and {@code auditor}, each with its name as
 * password. On only in the embedded default run ({@code rightsdesk.embedded.active}) and in tests;
 * {@link BuiltInUsersGuard} stops a production start that has built-in users.</li>
 * </ul>
 * Its ordinal sits below {@code application.properties}, so any of these keys set explicitly still wins.
 */
public class StaffSignIn implements ConfigSourceFactory {

    public static final String OIDC = "quarkus.oidc.tenant-enabled";
    public static final String BUILT_IN_USERS = "rightsdesk.security.built-in-users";
    static final int ORDINAL = 240;

    /** The built-in users: name, password (the same), roles. */
    static final List<String[]> USERS = List.of(
            new String[] {"officer", Roles.OFFICER},
            new String[] {"admin", Roles.ADMIN + "," + Roles.OFFICER},
            new String[] {"auditor", Roles.AUDITOR});

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        boolean oidc = isTrue(context, OIDC);
        boolean builtInUsers = isTrue(context, BUILT_IN_USERS);
        return List.of(new PropertiesConfigSource(settings(oidc, builtInUsers), "rightsdesk-staff-sign-in", ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The derived settings; public for the documentation test that shows them. */
    public static Map<String, String> settings(boolean oidc, boolean builtInUsers) {
        Map<String, String> s = new LinkedHashMap<>();
        if (oidc) {
            // hybrid: a bearer token authenticates API calls, a browser without one is sent to the provider.
            s.put("quarkus.oidc.application-type", "hybrid");
            s.put("quarkus.http.auth.permission.staff-api.auth-mechanism", "bearer");
            s.put("quarkus.http.auth.permission.officer-ui.auth-mechanism", "code");
        } else {
            s.put("quarkus.http.auth.permission.staff-api.auth-mechanism", "basic");
            s.put("quarkus.http.auth.permission.officer-ui.auth-mechanism", "form");
        }
        // Always plain text: built-in users exist only where their passwords are their names; a production
        // configuration that adds users anyway then starts far enough for BuiltInUsersGuard to say why it stops.
        s.put("quarkus.security.users.embedded.plain-text", "true");
        if (builtInUsers) {
            for (String[] user : USERS) {
                s.put("quarkus.security.users.embedded.users." + user[0], user[0]);
                s.put("quarkus.security.users.embedded.roles." + user[0], user[1]);
            }
        }
        return s;
    }

    private static boolean isTrue(ConfigSourceContext context, String name) {
        return Boolean.parseBoolean(value(context, name));
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue().trim();
    }
}
