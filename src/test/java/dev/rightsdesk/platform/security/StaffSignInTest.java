package dev.rightsdesk.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The sign-in settings derived from the two switches, read through a real SmallRye Config like at start-up. */
class StaffSignInTest {

    /** The lines of application.properties that matter here, plus what the environment adds. */
    static SmallRyeConfig config(Map<String, String> environment, String... profiles) {
        Map<String, String> app = new LinkedHashMap<>();
        app.put("quarkus.oidc.tenant-enabled", "${RIGHTSDESK_OIDC_ENABLED:false}");
        app.put("rightsdesk.security.built-in-users", "${rightsdesk.embedded.active:false}");
        app.put("%test.rightsdesk.security.built-in-users", "true");
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(app, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new StaffSignIn());
        if (profiles.length > 0) {
            builder.withProfiles(java.util.List.of(profiles));
        }
        return builder.build();
    }

    @Test
    void productionWithoutSwitchesHasNoBuiltInUsersAndNoOidc() {
        SmallRyeConfig c = config(Map.of());
        assertThat(c.getOptionalValue("quarkus.security.users.embedded.users.officer", String.class)).isEmpty();
        assertThat(c.getValue("quarkus.oidc.tenant-enabled", Boolean.class)).isFalse();
        assertThat(c.getValue("quarkus.http.auth.permission.staff-api.auth-mechanism", String.class)).isEqualTo("basic");
        assertThat(c.getValue("quarkus.http.auth.permission.officer-ui.auth-mechanism", String.class)).isEqualTo("form");
    }

    @Test
    void theEmbeddedRunHasTheThreeBuiltInUsers() {
        SmallRyeConfig c = config(Map.of("RIGHTSDESK_EMBEDDED_ACTIVE", "true"));
        assertThat(c.getValue("quarkus.security.users.embedded.users.officer", String.class)).isEqualTo("officer");
        assertThat(c.getValue("quarkus.security.users.embedded.roles.admin", String.class)).isEqualTo("admin,officer");
        assertThat(c.getValue("quarkus.security.users.embedded.roles.auditor", String.class)).isEqualTo("auditor");
        assertThat(c.getValue("quarkus.security.users.embedded.plain-text", Boolean.class)).isTrue();
    }

    @Test
    void testsHaveTheBuiltInUsers() {
        assertThat(config(Map.of(), "test").getOptionalValue("quarkus.security.users.embedded.users.auditor", String.class))
                .contains("auditor");
    }

    @Test
    void oneVariableSwitchesToOidcBearerTokensAndTheCodeFlow() {
        for (String variable : new String[] {"RIGHTSDESK_OIDC_ENABLED", "QUARKUS_OIDC_TENANT_ENABLED"}) {
            SmallRyeConfig c = config(Map.of(variable, "true"));
            assertThat(c.getValue("quarkus.oidc.tenant-enabled", Boolean.class)).as(variable).isTrue();
            assertThat(c.getValue("quarkus.oidc.application-type", String.class)).isEqualTo("hybrid");
            assertThat(c.getValue("quarkus.http.auth.permission.staff-api.auth-mechanism", String.class)).isEqualTo("bearer");
            assertThat(c.getValue("quarkus.http.auth.permission.officer-ui.auth-mechanism", String.class)).isEqualTo("code");
        }
    }

    @Test
    void explicitSettingsStillWin() {
        SmallRyeConfig c = config(Map.of("QUARKUS_HTTP_AUTH_PERMISSION_STAFF_API_AUTH_MECHANISM", "bearer"));
        assertThat(c.getValue("quarkus.http.auth.permission.staff-api.auth-mechanism", String.class)).isEqualTo("bearer");
    }

    @Test
    void aProductionStartWithBuiltInUsersFails() {
        assertThatThrownBy(() -> BuiltInUsersGuard.check(LaunchMode.NORMAL, false, Set.of("officer")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not the embedded default run").hasMessageContaining("RIGHTSDESK_OIDC_ENABLED");
        BuiltInUsersGuard.check(LaunchMode.NORMAL, true, Set.of("officer"));
        BuiltInUsersGuard.check(LaunchMode.TEST, false, Set.of("officer"));
        BuiltInUsersGuard.check(LaunchMode.NORMAL, false, Set.of());
    }
}
