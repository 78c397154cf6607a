package dev.rightsdesk.fanout.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rightsdesk.platform.crypto.PersonalFields;
import dev.rightsdesk.platform.crypto.TicketKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * The Kafka side of one demo system, as a real connector would do it with plain kafka-clients: a consumer on
 * the system's own topic (its own consumer group, offsets committed after the answers are acknowledged, so a
 * command is answered at least once) and a producer of results to {@code dsr.task-results}. Runs on its own thread.
 */
final class DemoConnector implements Runnable {

    static final String RESULTS_TOPIC = "dsr.task-results";
    static final String RESULT_TYPE = "dev.rightsdesk.task.result.v1";
    /** The documented inline limit for an access answer; larger ones go in chunks. */
    static final int INLINE_LIMIT = 256 * 1024;

    private static final Logger LOG = Logger.getLogger(DemoConnector.class);

    private final DemoSystem system;
    private final String topic;
    private final Duration replyDelay;
    private final TicketKeys keys;
    private final ObjectMapper json = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final KafkaProducer<String, String> producer;
    private final ScheduledExecutorService later;
    private volatile boolean running = true;

    DemoConnector(DemoSystem system, String topic, String bootstrapServers, Duration replyDelay, TicketKeys keys) {
        this.system = system;
        this.topic = topic;
        this.replyDelay = replyDelay;
        this.keys = keys;
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "rightsdesk-demo-" + system.key());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a killed replica's demo systems hand their commands to the survivor's after 10 s, not Kafka's 45 s
        c.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        c.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.later = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-" + system.key() + "-later");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic));
            while (running) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    handle(record);
                }
                if (!records.isEmpty()) {
                    producer.flush();
                    consumer.commitSync();
                }
            }
        } catch (WakeupException e) {
            // stop() was called
        } catch (RuntimeException e) {
            LOG.errorf("Demo system %s stopped: %s", system.key(), e.getClass().getSimpleName());
        } finally {
            consumer.close(Duration.ofSeconds(5));
            later.shutdownNow();
            producer.close(Duration.ofSeconds(5));
        }
    }

    void stop() {
        running = false;
        consumer.wakeup();
    }

    private void handle(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = json.readTree(record.value());
            if (!event.path("type").asText().startsWith("dev.rightsdesk.task.")) {
                return;
            }
            JsonNode sealed = event.path("data");
            // A connector with the key service's permission opens the personal fields (ADR 0006) and, since the
            // command came encrypted, encrypts its answer with the same ticket's key.
            boolean encrypted = PersonalFields.anySealed(sealed);
            JsonNode command = encrypted ? keys.decryptFields(uuid(sealed.path("ticketId").asText()), sealed) : sealed;
            if (!replyDelay.isZero()) {
                // Like a real system that takes its time: say "working on it" first, answer later.
                Replies replies = new Replies(command, encrypted);
                replies.send(replies.result("ACKNOWLEDGED"));
                later.schedule(() -> answer(command, encrypted), replyDelay.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                answer(command, encrypted);
            }
            LOG.infof("Demo system %s took task %s (attempt %d)", system.key(), command.path("taskId").asText(),
                    command.path("attempt").asInt());
        } catch (Exception e) {
            // A demo keeps going; a real connector would park the command for a human.
            LOG.warnf("Demo system %s could not read a command at offset %d: %s", system.key(), record.offset(),
                    e.getClass().getSimpleName());
        }
    }

    private void answer(JsonNode command, boolean encrypt) {
        try {
            system.handle(command, new Replies(command, encrypt));
            producer.flush();
        } catch (RuntimeException e) {
            LOG.warnf("Demo system %s failed on task %s: %s", system.key(), command.path("taskId").asText(),
                    e.getClass().getSimpleName());
        }
    }

    private static java.util.UUID uuid(String text) {
        try {
            return java.util.UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Result events for one command. */
    private final class Replies implements DemoReplies {
        private final JsonNode command;
        private final boolean encrypt;

        Replies(JsonNode command, boolean encrypt) {
            this.command = command;
            this.encrypt = encrypt;
        }

        @Override
        public ObjectNode result(String outcome) {
            return json.createObjectNode()
                    .put("taskId", command.path("taskId").asText())
                    .put("ticketId", command.path("ticketId").asText())
                    .put("attempt", command.path("attempt").asInt(1))
                    .put("outcome", outcome);
        }

        @Override
        public void send(ObjectNode clear) {
            ObjectNode data = encrypt
                    ? (ObjectNode) keys.encryptFields(uuid(clear.path("ticketId").asText()), clear, PersonalFields.RESULT)
                    : clear;
            ObjectNode event = json.createObjectNode()
                    .put("specversion", "1.0")
                    .put("id", UUID.randomUUID().toString())
                    .put("source", "/demo/" + system.key())
                    .put("type", RESULT_TYPE)
                    .put("subject", data.path("taskId").asText())
                    .put("time", Instant.now().toString())
                    .put("datacontenttype", "application/json");
            event.set("data", data);
            producer.send(new ProducerRecord<>(RESULTS_TOPIC, data.path("ticketId").asText(), event.toString()));
        }

        @Override
        public void sendLater(Duration delay, ObjectNode data) {
            later.schedule(() -> {
                send(data);
                producer.flush();
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void sendAnswer(String outcome, String summary, JsonNode answer) {
            String text = answer.toString();
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length <= INLINE_LIMIT) {
                ObjectNode data = result(outcome).put("summary", summary);
                data.set("answer", answer);
                send(data);
                return;
            }
            // Split the JSON text on character boundaries so that every chunk stays within the limit.
            List<String> parts = new java.util.ArrayList<>();
            int step = INLINE_LIMIT / 4;
            for (int start = 0; start < text.length(); ) {
                int end = Math.min(text.length(), start + step);
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--;
                }
                parts.add(text.substring(start, end));
                start = end;
            }
            for (int i = 0; i < parts.size(); i++) {
                ObjectNode data = result(outcome).put("summary", summary);
                data.putObject("chunk").put("index", i).put("count", parts.size()).put("data", parts.get(i));
                send(data);
            }
        }
    }
}
