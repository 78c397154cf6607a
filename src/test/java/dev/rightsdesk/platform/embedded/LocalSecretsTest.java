package dev.rightsdesk.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded run's generated keys, among them the form sign-in key (issue 13, finding 1). */
class LocalSecretsTest {

    @Test
    void theSessionKeyIsGeneratedOnceAndKeptAcrossRestarts(@TempDir Path dir) throws Exception {
        Map<String, String> first = LocalSecrets.loadOrCreate(dir);
        assertThat(first.get(LocalSecrets.SESSION_KEY)).hasSizeGreaterThanOrEqualTo(32);
        Map<String, String> again = LocalSecrets.loadOrCreate(dir);
        assertThat(again.get(LocalSecrets.SESSION_KEY)).isEqualTo(first.get(LocalSecrets.SESSION_KEY));
        assertThat(Files.readString(dir.resolve("secrets.properties"))).contains("quarkus.http.auth.session.encryption-key");
        assertThat(LocalSecrets.loadOrCreate(Files.createDirectory(dir.resolve("other"))).get(LocalSecrets.SESSION_KEY))
                .isNotEqualTo(first.get(LocalSecrets.SESSION_KEY));
    }
}
