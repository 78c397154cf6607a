package dev.rightsdesk.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** What the embedded engines hold survives a restart on the same data folder. */
class EmbeddedEnginesRestartTest {

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dir = Files.createTempDirectory("rightsdesk-restart-");
        var settings = new EmbeddedSettings(true, dir, freePort(), false, freePort(), freePort(), false, false);

        try (EmbeddedEngines engines = new EmbeddedEngines(settings)) {
            var config = engines.start();
            assertThat(config).containsKeys("quarkus.datasource.jdbc.url", "kafka.bootstrap.servers",
                    "rightsdesk.crypto.active-key-id", "rightsdesk.crypto.blind-index-key");
            try (var c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), "postgres", "")) {
                c.createStatement().execute("CREATE TABLE kept (v text)");
                c.createStatement().execute("INSERT INTO kept VALUES ('before restart')");
            }
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
            try (var producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "before restart")).get();
            }
        }

        try (EmbeddedEngines engines = new EmbeddedEngines(settings)) {
            var config = engines.start();
            try (var c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), "postgres", "")) {
                var rs = c.createStatement().executeQuery("SELECT v FROM kept");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("before restart");
            }
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("kafka.bootstrap.servers"));
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "restart-test");
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            List<String> values = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("kept"));
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < end) {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                }
            }
            assertThat(values).containsExactly("before restart");
            // the same generated keys, or data encrypted before the restart could not be read
            assertThat(config.get("rightsdesk.crypto.keys.local1")).isNotBlank();
        }
        assertThat(Files.readString(dir.resolve("secrets.properties"))).contains("rightsdesk.crypto.keys.local1");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
