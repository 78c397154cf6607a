package dev.rightsdesk.connector;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.connector.spi.ConnectorFactory;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.InvalidConnectorConfig;
import dev.rightsdesk.platform.crypto.PersonalDataEncryption;
import dev.rightsdesk.platform.crypto.PersonalFields;
import dev.rightsdesk.platform.crypto.TicketKeys;
import dev.rightsdesk.platform.role.Role;
import dev.rightsdesk.system.ConnectedSystem;
import dev.rightsdesk.system.SystemRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts one {@link ConnectorWorker} per system of the systems file that names a built-in {@code connector}, when this
 * instance runs connectors ({@code rightsdesk.role} all or connectors, {@code rightsdesk.connectors.enabled}). At start
 * each block's type is checked against the engines present, its settings and secrets resolved, and the engine checks
 * itself against the live store: a mistake stops the start with the file and the line, never the first command.
 */
@ApplicationScoped
public class BuiltInConnectors {

    private static final Logger LOG = Logger.getLogger(BuiltInConnectors.class);

    private final ConnectorsConfig config;
    private final Role role;
    private final SystemRegistry registry;
    private final Instance<ConnectorFactory> factories;
    private final TaskLog log;
    private final Map<String, Object> kafka;
    private final ObjectMapper json;
    private final Clock clock;
    private final Config mpConfig;
    private final FieldCodec codec;
    private final List<ConnectorWorker> workers = new ArrayList<>();
    private final List<DataStoreConnector> engines = new ArrayList<>();

    public BuiltInConnectors(ConnectorsConfig config, @ConfigProperty(name = Role.KEY, defaultValue = "all") String role,
            SystemRegistry registry, @Any Instance<ConnectorFactory> factories, TaskLog log,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, ObjectMapper json, Clock clock, Config mpConfig,
            TicketKeys keys, PersonalDataEncryption encryption) {
        this.config = config;
        this.role = Role.parse(role);
        this.registry = registry;
        this.factories = factories;
        this.log = log;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.mpConfig = mpConfig;
        this.codec = codec(keys, encryption.personalDataEncryption());
    }

    /**
     * The in-process key service: commands are opened with the ticket's key, and answers sealed with it unless the
     * deployment sends personal data in the clear ({@code rightsdesk.kafka.personal-data-encryption=off}).
     */
    static FieldCodec codec(TicketKeys keys, PersonalDataEncryption.Mode mode) {
        return new FieldCodec() {
            @Override
            public com.fasterxml.jackson.databind.JsonNode open(java.util.UUID ticketId,
                    com.fasterxml.jackson.databind.JsonNode data) {
                return keys.decryptFields(ticketId, data);
            }

            /**
             * Sealed when the ticket has a data key, i.e. Rightsdesk sealed its commands (as an external connector
             * does it); a ticket whose commands went in the clear (mode off) gets its answers in the clear.
             */
            @Override
            public com.fasterxml.jackson.databind.node.ObjectNode seal(java.util.UUID ticketId,
                    com.fasterxml.jackson.databind.node.ObjectNode data) {
                if (mode == PersonalDataEncryption.Mode.OFF || keys.find(ticketId).key().isEmpty()) {
                    return data;
                }
                return (com.fasterxml.jackson.databind.node.ObjectNode) keys.encryptFields(ticketId, data, PersonalFields.RESULT);
            }
        };
    }

    /** True when this instance runs the built-in workers. */
    public boolean active() {
        return role.runsConnectors() && config.enabled();
    }

    void onStart(@Observes StartupEvent event) {
        List<ConnectedSystem> builtIn = registry.all().stream().filter(ConnectedSystem::builtIn).toList();
        if (!active()) {
            if (!builtIn.isEmpty()) {
                LOG.infof("Built-in connector workers are off on this instance (rightsdesk.role=%s,"
                        + " rightsdesk.connectors.enabled=%s); systems %s wait for a connector Deployment",
                        role.name().toLowerCase(), config.enabled(), builtIn.stream().map(ConnectedSystem::key).toList());
            }
            return;
        }
        Map<String, ConnectorFactory> byType = new TreeMap<>();
        factories.forEach(f -> byType.put(f.type(), f));
        SettingsReader reader = new SettingsReader(key -> mpConfig.getOptionalValue(key, String.class).orElse(null), System::getenv);
        try {
            for (ConnectedSystem system : builtIn) {
                ConnectorFactory factory = byType.get(system.connector().type());
                if (factory == null) {
                    throw SettingsReader.fail(system, "connector type '" + system.connector().type() + "' is unknown;"
                            + " known types: " + (byType.isEmpty() ? "none" : String.join(", ", byType.keySet())));
                }
                DataStoreConnector engine = engine(system, factory, reader);
                engines.add(engine);
                workers.add(new ConnectorWorker(new ConnectorWorker.Settings(system.key(), system.topic(), system.dryRun(),
                        config.maxInFlight(), config.acknowledgeAfter(), config.inlineLimit(), config.shutdownGrace()),
                        engine, log, kafka, json, clock, codec));
            }
        } catch (RuntimeException e) {
            engines.forEach(DataStoreConnector::close);
            throw e;
        }
        workers.forEach(ConnectorWorker::start);
        if (!workers.isEmpty()) {
            LOG.infof("Built-in connector workers started for %s", workers.stream().map(ConnectorWorker::systemKey).toList());
        }
    }

    private static DataStoreConnector engine(ConnectedSystem system, ConnectorFactory factory, SettingsReader reader) {
        DataStoreConnector engine = null;
        try {
            engine = factory.create(reader.read(system));
            engine.validate();
            return engine;
        } catch (InvalidConnectorConfig e) {
            if (engine != null) {
                engine.close();
            }
            throw SettingsReader.fail(system, e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        workers.forEach(ConnectorWorker::stop);
        workers.clear();
        engines.forEach(DataStoreConnector::close);
        engines.clear();
    }
}
