package dev.rightsdesk.platform.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Keys for the embedded default run: generated once into {@code <data-dir>/secrets.properties}
 * (owner-only), so that data encrypted before a restart can still be read after it. Production
 * never uses this: it sets the same keys from a Secret.
 */
public final class LocalSecrets {

    /** The key of the form sign-in cookie (Quarkus' own name for it). */
    public static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";

    /** Every secret the application needs, with its length in bytes. */
    static final Map<String, Integer> SECRETS = new LinkedHashMap<>();

    static {
        SECRETS.put("rightsdesk.crypto.keys.local1", 32);
        SECRETS.put("rightsdesk.crypto.blind-index-key", 32);
        SECRETS.put("rightsdesk.training-exclusions.hmac-key", 32);
        // Encrypts the staff sign-in cookie of form login: without it Quarkus makes a temporary key at each start.
        SECRETS.put(SESSION_KEY, 32);
    }

    private LocalSecrets() {
    }

    static Map<String, String> loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve("secrets.properties");
        Properties props = new Properties();
        try {
            Files.createDirectories(dataDir);
            if (Files.exists(file)) {
                try (Reader in = Files.newBufferedReader(file)) {
                    props.load(in);
                }
            }
            boolean changed = false;
            SecureRandom random = new SecureRandom();
            for (var secret : SECRETS.entrySet()) {
                if (EmbeddedSettings.lookup(secret.getKey()).isPresent() || props.containsKey(secret.getKey())) {
                    continue;
                }
                byte[] key = new byte[secret.getValue()];
                random.nextBytes(key);
                props.setProperty(secret.getKey(), Base64.getEncoder().encodeToString(key));
                changed = true;
            }
            if (changed) {
                try (Writer out = Files.newBufferedWriter(file)) {
                    props.store(out, "Generated keys of the embedded default run. Not for production.");
                }
                restrictToOwner(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or write " + file, e);
        }
        Map<String, String> config = new LinkedHashMap<>();
        props.stringPropertyNames().forEach(k -> {
            if (EmbeddedSettings.lookup(k).isEmpty()) {
                config.put(k, props.getProperty(k));
            }
        });
        if (EmbeddedSettings.lookup("rightsdesk.crypto.active-key-id").isEmpty()) {
            config.put("rightsdesk.crypto.active-key-id", "local1");
        }
        return config;
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: the data folder's own permissions must do
        }
    }

    /** Names of the secrets the application needs (the embedded run generates them; production sets them from a Secret). */
    public static List<String> names() {
        return List.copyOf(SECRETS.keySet());
    }
}
