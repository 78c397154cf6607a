package dev.rightsdesk.system;

import dev.rightsdesk.ticket.RequestType;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The connected systems this deployment carries requests to, loaded from {@code rightsdesk.systems.file}
 * once at start. A file that does not validate stops the start ({@link SystemsFileException}).
 */
@Startup
@ApplicationScoped
public class SystemRegistry {

    private static final Logger LOG = Logger.getLogger(SystemRegistry.class);

    /** The default: the demo systems of the embedded run. */
    public static final String BUNDLED = "classpath:systems.yaml";

    private final Map<String, ConnectedSystem> byKey = new LinkedHashMap<>();

    @Inject
    public SystemRegistry(SystemsConfig config,
            @ConfigProperty(name = "rightsdesk.embedded.active", defaultValue = "false") boolean embedded) {
        this(SystemsFile.load(config.file()));
        LOG.infof("Connected systems loaded from %s: %s", config.file(), byKey.keySet());
        if (BUNDLED.equals(config.file()) && !embedded) {
            LOG.warn("The bundled demo registry of connected systems is in use; a deployment sets its own with "
                    + "rightsdesk.systems.file (docs/systems.md)");
        }
    }

    SystemRegistry(List<ConnectedSystem> systems) {
        systems.forEach(s -> byKey.put(s.key(), s));
    }

    /** Every system, in the order of the file. */
    public List<ConnectedSystem> all() {
        return List.copyOf(byKey.values());
    }

    public Optional<ConnectedSystem> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The systems a ticket of {@code type} is carried to, in the order of the file. */
    public List<ConnectedSystem> handling(RequestType type) {
        return byKey.values().stream().filter(s -> s.handles(type)).toList();
    }
}
