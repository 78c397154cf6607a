package dev.rightsdesk.ai.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshots;
import dev.rightsdesk.ai.exclusion.ExclusionSnapshots.SnapshotView;
import dev.rightsdesk.ai.exclusion.SubjectHasher;
import dev.rightsdesk.ai.lineage.LineageEvent;
import dev.rightsdesk.ai.lineage.OpenLineageConsumer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * A stand-in for a real training pipeline in the embedded run, and example code for one: before every
 * run it pins the exclusion snapshot, filters its corpus by the hashes excluded at that version, and
 * reports START and COMPLETE to {@code openlineage.events} with the {@code dsrExclusionSnapshot} facet,
 * through a plain Kafka producer as an outside pipeline would. Now and then (configurable, off by
 * default) it "forgets" and applies an older snapshot, which Rightsdesk catches as a violation.
 */
@ApplicationScoped
public class DemoTrainingPipeline {

    static final String PRODUCER = "https://rightsdesk.dev/demo/training-pipeline";
    static final String FACET_SCHEMA = "https://rightsdesk.dev/spec/facets/DsrExclusionSnapshotRunFacet.json";
    private static final Logger LOG = Logger.getLogger(DemoTrainingPipeline.class);

    private final DemoTrainingPipelineConfig config;
    private final ExclusionSnapshots snapshots;
    private final SubjectHasher hasher;
    private final ObjectMapper mapper;
    private final Map<String, Object> kafka;
    private KafkaProducer<String, String> producer;

    public DemoTrainingPipeline(DemoTrainingPipelineConfig config, ExclusionSnapshots snapshots, SubjectHasher hasher,
            ObjectMapper mapper, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.snapshots = snapshots;
        this.hasher = hasher;
        this.mapper = mapper;
        this.kafka = kafka;
    }

    /** What one demo run applied and kept. */
    public record DemoRun(String runId, long appliedVersion, boolean forgot, int corpus, int excluded) {
    }

    @Scheduled(every = "${rightsdesk.demo.training-pipeline.every:60s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "demo-training-pipeline")
    void scheduled() {
        // every-replica: the demo runs in the single-JVM embedded run; a second replica would only add runs
        if (config.enabled()) {
            try {
                train();
            } catch (RuntimeException e) {
                LOG.warnf("Demo training run failed: %s", e.getMessage());
            }
        }
    }

    /** One training run, forgetting the latest snapshot with the configured probability. */
    public DemoRun train() {
        return train(ThreadLocalRandom.current().nextDouble() < config.forgetSnapshotProbability());
    }

    /** One training run: pin the snapshot (or, if {@code forget}, the one before it), filter, report. */
    public DemoRun train(boolean forget) {
        SnapshotView snapshot = snapshots.current();
        boolean forgot = forget && snapshot.version() > 0;
        if (forgot) {
            snapshot = snapshots.at(snapshot.version() - 1).orElse(snapshot);
        }
        List<String> hashes = config.corpusEmails().stream().map(e -> hasher.hash(SubjectHasher.EMAIL, e)).toList();
        int excluded = hashes.isEmpty() ? 0 : snapshots.check(hashes, snapshot.version()).excluded().size();
        String runId = UUID.randomUUID().toString();
        send(event("START", runId, snapshot, Instant.now()));
        // the "training" itself: the corpus minus the excluded subjects
        send(event("COMPLETE", runId, snapshot, Instant.now()));
        LOG.infof("Demo training run %s applied exclusion snapshot %d%s: %d of %d corpus records excluded", runId,
                snapshot.version(), forgot ? " (forgot the latest one)" : "", excluded, hashes.size());
        return new DemoRun(runId, snapshot.version(), forgot, hashes.size(), excluded);
    }

    private String event(String type, String runId, SnapshotView snapshot, Instant at) {
        ObjectNode e = mapper.createObjectNode()
                .put("eventType", type)
                .put("eventTime", at.truncatedTo(ChronoUnit.MILLIS).toString())
                .put("producer", PRODUCER)
                .put("schemaURL", "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent");
        ObjectNode facet = mapper.createObjectNode().put("_producer", PRODUCER).put("_schemaURL", FACET_SCHEMA)
                .put("version", snapshot.version()).put("digest", snapshot.digest());
        e.putObject("run").put("runId", runId).putObject("facets").set(LineageEvent.FACET, facet);
        e.putObject("job").put("namespace", config.namespace()).put("name", config.name());
        e.putArray("inputs").addObject().put("namespace", "demo").put("name", "training-corpus");
        e.putArray("outputs").addObject().put("namespace", "demo").put("name", "recommender");
        return e.toString();
    }

    private synchronized void send(String value) {
        if (producer == null) {
            Map<String, Object> props = new HashMap<>();
            kafka.forEach((k, v) -> {
                if (ProducerConfig.configNames().contains(k)) {
                    props.put(k, v);
                }
            });
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        String key = "run:" + config.namespace() + "/" + config.name();
        try {
            producer.send(new ProducerRecord<>(OpenLineageConsumer.TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (Exception e) {
            throw new IllegalStateException("could not send the OpenLineage event: " + e.getClass().getSimpleName());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        Optional.ofNullable(producer).ifPresent(KafkaProducer::close);
    }
}
