package dev.rightsdesk.fanout.demo;

import dev.rightsdesk.platform.crypto.TicketKeys;
import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.SystemRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the in-JVM demo systems ({@code training-corpus}, {@code model-registry}; {@code crm} and {@code newsletter}
 * are served by the built-in SQL connector on the demo shop database)
 * when {@code rightsdesk.demo.enabled} (on in the embedded default run only), each a Kafka consumer and producer on
 * its own thread. When disabled nothing is created: no client, no thread, no connection.
 */
@ApplicationScoped
public class DemoSystems {

    private static final Logger LOG = Logger.getLogger(DemoSystems.class);

    private final boolean enabled;
    private final Duration replyDelay;
    private final Optional<String> bootstrapServers;
    private final SystemRegistry registry;
    private final Instance<DemoSystem> systems;
    private final TicketKeys keys;
    private final List<DemoConnector> running = new ArrayList<>();

    public DemoSystems(
            @ConfigProperty(name = "rightsdesk.demo.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "rightsdesk.demo.reply-delay", defaultValue = "2s") Duration replyDelay,
            @ConfigProperty(name = "kafka.bootstrap.servers") Optional<String> bootstrapServers,
            SystemRegistry registry, @Any Instance<DemoSystem> systems, TicketKeys keys) {
        this.keys = keys;
        this.enabled = enabled;
        this.replyDelay = replyDelay;
        this.bootstrapServers = bootstrapServers;
        this.registry = registry;
        this.systems = systems;
    }

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        if (bootstrapServers.isEmpty()) {
            LOG.warn("Demo systems not started: no kafka.bootstrap.servers");
            return;
        }
        for (DemoSystem system : systems) {
            Optional<ConnectedSystem> declared = registry.find(system.key());
            if (declared.isEmpty() || declared.get().manual() || declared.get().builtIn()) {
                continue;
            }
            DemoConnector connector = new DemoConnector(system, declared.get().topic(), bootstrapServers.get(), replyDelay, keys);
            Thread thread = new Thread(connector, "demo-" + system.key());
            thread.setDaemon(true);
            thread.start();
            running.add(connector);
        }
        LOG.infof("Demo connected systems answering: %s",
                running.isEmpty() ? "none" : systems.stream().map(DemoSystem::key).toList());
    }

    void onStop(@Observes ShutdownEvent event) {
        running.forEach(DemoConnector::stop);
        running.clear();
    }
}
