package dev.rightsdesk.connector;

import dev.rightsdesk.connector.spi.DataStoreConnector;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The built-in worker of one connected system: a member of consumer group {@code rightsdesk-connector-<key>} on the
 * system's topic. The poll thread only reads, dispatches and commits; commands run on a bounded executor
 * ({@link CommandRun}), one at a time per task, and the consumer pauses while the executor is full. An offset is
 * committed only once every command before it was answered and the broker acknowledged the answer.
 */
public final class ConnectorWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConnectorWorker.class);

    /** What a worker needs besides its engine. */
    public record Settings(String systemKey, String topic, boolean dryRun, int maxInFlight, Duration acknowledgeAfter,
            int inlineLimit, Duration shutdownGrace) {

        public String group() {
            return "rightsdesk-connector-" + systemKey;
        }
    }

    private final Settings settings;
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final ExecutorService executor;
    private final ScheduledExecutorService timers;
    private final CommandRun.Factory runs;
    private final OffsetTracker offsets = new OffsetTracker();
    private final ConcurrentLinkedQueue<ConsumerRecord<String, String>> finished = new ConcurrentLinkedQueue<>();
    private final Map<UUID, CompletableFuture<Void>> perTask = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean running = true;
    private Thread thread;

    public ConnectorWorker(Settings settings, DataStoreConnector engine, TaskLog log, Map<String, Object> kafka,
            com.fasterxml.jackson.databind.ObjectMapper json, java.time.Clock clock, FieldCodec codec) {
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(consumerProps(kafka, settings), new StringDeserializer(), new StringDeserializer());
        this.producer = new KafkaProducer<>(producerProps(kafka), new StringSerializer(), new StringSerializer());
        this.executor = Executors.newFixedThreadPool(settings.maxInFlight(), daemon("connector-" + settings.systemKey()));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemon("connector-" + settings.systemKey() + "-ack"));
        this.runs = new CommandRun.Factory(settings, engine, log, producer, timers,
                new CommandReader(json, settings.systemKey(), settings.dryRun(), codec),
                new ResultWriter(json, settings.systemKey(), settings.inlineLimit(), clock, codec), json, () -> running);
    }

    public synchronized void start() {
        thread = new Thread(this, "connector-" + settings.systemKey() + "-poll");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops polling, waits for the commands being executed (up to the grace), and closes the clients. */
    public void stop() {
        running = false;
        consumer.wakeup();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(settings.shutdownGrace().toMillis() + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public String systemKey() {
        return settings.systemKey();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(settings.topic()), new Rebalance());
            while (running) {
                commitFinished();
                if (inFlight.get() >= settings.maxInFlight()) {
                    consumer.pause(consumer.assignment());
                } else if (!consumer.paused().isEmpty()) {
                    consumer.resume(consumer.paused());
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    offsets.polled(new TopicPartition(record.topic(), record.partition()), record.offset());
                    dispatch(record);
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            LOG.errorf("Connector worker %s stopped: %s", settings.systemKey(), e.getClass().getSimpleName());
        } finally {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
                    // left IN_PROGRESS in the task log and uncommitted: the next start executes them again
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                commitFinished();
            } catch (RuntimeException e) {
                LOG.warnf("Connector worker %s could not commit on stop: %s", settings.systemKey(), e.getClass().getSimpleName());
            }
            timers.shutdownNow();
            consumer.close(Duration.ofSeconds(5));
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Chains the record behind any earlier command of the same task, so one task is never executed twice at once. */
    private void dispatch(ConsumerRecord<String, String> record) {
        CommandRun run = runs.of(record.value());
        inFlight.incrementAndGet();
        Runnable work = () -> {
            boolean done = false;
            try {
                done = run.execute();
            } finally {
                inFlight.decrementAndGet();
                if (done) {
                    // a command left for the next start keeps its offset uncommitted, and so do the ones after it
                    finished.add(record);
                }
            }
        };
        UUID task = run.taskId();
        if (task == null) {
            CompletableFuture.runAsync(work, executor);
            return;
        }
        perTask.compute(task, (id, previous) -> {
            CompletableFuture<Void> next = previous == null ? CompletableFuture.runAsync(work, executor)
                    : previous.handle((v, t) -> null).thenRunAsync(work, executor);
            next.whenComplete((v, t) -> perTask.remove(id, next));
            return next;
        });
    }

    private void commitFinished() {
        for (ConsumerRecord<String, String> r; (r = finished.poll()) != null; ) {
            offsets.done(new TopicPartition(r.topic(), r.partition()), r.offset());
        }
        var commit = offsets.committable();
        if (!commit.isEmpty()) {
            consumer.commitSync(commit);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commitFinished();
            offsets.revoked(new java.util.HashSet<>(partitions));
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        }
    }

    private static Properties consumerProps(Map<String, Object> kafka, Settings settings) {
        Properties c = new Properties();
        kafka.forEach((k, v) -> {
            if (ConsumerConfig.configNames().contains(k)) {
                c.put(k, v);
            }
        });
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.group());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.group() + "-" + UUID.randomUUID().toString().substring(0, 8));
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(settings.maxInFlight()));
        return c;
    }

    private static Properties producerProps(Map<String, Object> kafka) {
        Properties p = new Properties();
        kafka.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k)) {
                p.put(k, v);
            }
        });
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return p;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
