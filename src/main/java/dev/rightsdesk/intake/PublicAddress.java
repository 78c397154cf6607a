package dev.rightsdesk.intake;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import org.eclipse.microprofile.config.Config;

/**
 * The address every link given to a subject starts with (mails, the access package): the configured
 * {@code rightsdesk.subject.public-base-url}, or, when nobody set it, this process on loopback at the port it
 * actually listens on. Without that fallback an embedded run on another port mailed links to a dead
 * {@code localhost:8080}. Production never gets here unset: {@link SubjectReachGuard} refuses a loopback address.
 */
@ApplicationScoped
public class PublicAddress {

    static final String KEY = "rightsdesk.subject.public-base-url";

    private final SubjectConfig subject;
    private final Config config;

    public PublicAddress(SubjectConfig subject, Config config) {
        this.subject = subject;
        this.config = config;
    }

    /** The base address without a trailing slash, e.g. {@code https://privacy.example.com}. */
    public String base() {
        String base = configured() ? subject.publicBaseUrl().toString() : "http://localhost:" + runningPort();
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /** The base address as a URI. */
    public URI uri() {
        return URI.create(base());
    }

    /** Whether an operator set the address (any source but the built-in default). */
    boolean configured() {
        ConfigValue value = config.unwrap(SmallRyeConfig.class).getConfigValue(KEY);
        return value.getValue() != null && value.getSourceName() != null
                && !value.getSourceName().startsWith("DefaultValuesConfigSource");
    }

    /** The port the HTTP server listens on; Quarkus publishes a randomly chosen one as a system property. */
    int runningPort() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        String live = System.getProperty(key);
        if (live != null && !live.isBlank() && !"0".equals(live.trim())) {
            return Integer.parseInt(live.trim());
        }
        return config.getOptionalValue(key, Integer.class).filter(p -> p > 0).orElse(8080);
    }
}
