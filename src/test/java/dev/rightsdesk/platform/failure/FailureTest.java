package dev.rightsdesk.platform.failure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.platform.outbox.OutboxRelay;
import dev.rightsdesk.testing.EmbeddedEnginesTestResource;
import dev.rightsdesk.testing.TopicReader;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Failure tests against the real engines of the test JVM: the database down (R12), the broker down while intake
 * keeps accepting (R4), two relays at once (R13), concurrent retries with one Idempotency-Key (R14). They stop the
 * shared engines, so they run after every other test class ({@code @Order}, junit.quarkus.orderer.secondary-orderer in application.properties) and
 * restart what they stopped in {@code finally}. The broker outage lasts {@code rightsdesk.failure.kafka-outage}
 * (20 s by default; {@code -Psoak} makes it a minute). The crash between commit and publish (R1) is
 * {@code OutboxCrashIT}: it kills a packaged service.
 */
@QuarkusTest
@Order(FailureTest.LAST)
class FailureTest {

    /** Runs after the classes without {@code @Order} (their default is Integer.MAX_VALUE / 2). */
    public static final int LAST = Integer.MAX_VALUE - 10;
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxRelay relay;
    @Inject
    TicketService tickets;
    @Inject
    EntityManager em;

    static String body(String email) {
        return "{\"type\": \"ACCESS\", \"subject\": {\"email\": \"" + email + "\"}, \"details\": {}}";
    }

    static Response post(String idempotencyKey) {
        var request = given().contentType(ContentType.JSON).body(body("failure@example.org"));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/v1/requests");
    }

    long count(String sql, Object... params) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    /** Nothing half-written anywhere: every ticket has its history and its received event, and vice versa. */
    void assertNothingHalfWritten() {
        assertThat(count("SELECT count(*) FROM ticket t WHERE NOT EXISTS"
                + " (SELECT 1 FROM ticket_status_change c WHERE c.ticket_id = t.id)")).as("tickets without history").isZero();
        assertThat(count("SELECT count(*) FROM ticket t WHERE NOT EXISTS (SELECT 1 FROM outbox_event o"
                + " WHERE o.event_key = t.id::text AND o.type = 'dev.rightsdesk.ticket.received.v1')"))
                .as("tickets without their received event").isZero();
        assertThat(count("SELECT count(*) FROM outbox_event o WHERE o.type = 'dev.rightsdesk.ticket.received.v1'"
                + " AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.id::text = o.event_key)")).as("events without ticket").isZero();
    }

    @Test
    void r12DatabaseDownIntakeAnswers503WithRetryAfterAndWritesNothing() {
        var postgres = EmbeddedEnginesTestResource.postgres();
        String key = "r12-" + UUID.randomUUID();
        postgres.close();
        try {
            for (int i = 0; i < 3; i++) {
                post(key).then().statusCode(503).contentType("application/problem+json")
                        .header("Retry-After", org.hamcrest.Matchers.matchesPattern("\\d+"));
            }
            given().get("/q/health/ready").then().statusCode(503);
            given().get("/q/health/live").then().statusCode(200);
        } finally {
            postgres.start();
        }
        // the pool replaces its broken connections; then intake works again
        await().atMost(Duration.ofSeconds(60)).until(() -> post(null).statusCode() == 202);
        assertThat(count("SELECT count(*) FROM ticket WHERE idempotency_key = ?1", key)).as("refused retries stored nothing").isZero();
        assertNothingHalfWritten();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void r4BrokerDownIntakeKeepsAcceptingReadinessSaysSoAndEverythingDrainsAfter() throws Exception {
        Duration outage = Duration.parse("PT" + System.getProperty("rightsdesk.failure.kafka-outage", "20s").toUpperCase());
        var kafka = EmbeddedEnginesTestResource.kafka();
        List<String> accepted = new ArrayList<>();
        java.time.Instant started = java.time.Instant.now();
        boolean readinessSawIt = false;
        kafka.close();
        try {
            long end = System.nanoTime() + outage.toNanos();
            for (int i = 0; System.nanoTime() < end; i++) {
                Response r = post(null);
                assertThat(r.statusCode()).as("intake during the broker outage").isEqualTo(202);
                accepted.add(r.path("id"));
                if (i % 10 == 5) {
                    // the readiness check waits up to its Kafka timeout (2 s): ask now and then, not every time
                    readinessSawIt |= given().get("/q/health/ready").statusCode() == 503;
                    given().get("/q/health/live").then().statusCode(200);
                }
                Thread.sleep(100);
            }
        } finally {
            kafka.start();
        }
        assertThat(readinessSawIt).as("readiness reported the outage").isTrue();
        assertThat(accepted).hasSizeGreaterThan(10);
        // everything drains: each accepted ticket's events reach the topic, each notice is applied once
        await().atMost(Duration.ofSeconds(120)).until(() -> count("SELECT count(*) FROM outbox_event"
                + " WHERE published_at IS NULL AND event_key IN (?1)", accepted) == 0);
        Set<String> wanted = new HashSet<>(accepted);
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil("dsr.ticket-events", Duration.ofSeconds(60),
                rs -> rs.stream().map(ConsumerRecord::key).filter(wanted::contains).distinct().count() == wanted.size());
        assertThat(records.stream().map(ConsumerRecord::key).filter(wanted::contains).distinct().count()).isEqualTo(wanted.size());
        List<UUID> ticketIds = accepted.stream().map(UUID::fromString).collect(java.util.stream.Collectors.toList());
        String notices = "SELECT count(*) FROM subject_notice WHERE kind = 'received' AND ticket_id IN (?1)";
        await().atMost(Duration.ofSeconds(120)).until(() -> count(notices, ticketIds) >= accepted.size());
        assertThat(count(notices, ticketIds)).as("each effect once").isEqualTo(accepted.size());
        dev.rightsdesk.testing.NoticeBacklog.drain(em, started);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void r13TwoRelaysAtOnceLoseNothingAndKeepOrderPerTicket() throws Exception {
        int n = 40;
        AtomicBoolean creating = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        try {
            // two extra relays hammer relayOnce() (beside the service's own relay thread) while tickets are created and verified
            List<Future<Integer>> relays = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                relays.add(pool.submit(() -> {
                    int published = 0;
                    while (creating.get()) {
                        published += relay.relayOnce();
                    }
                    return published;
                }));
            }
            pool.submit(() -> {
                for (int i = 0; i < n; i++) {
                    String id = post(null).then().statusCode(202).extract().path("id");
                    QuarkusTransaction.requiringNew().run(() ->
                            tickets.verify(Ticket.findById(UUID.fromString(id)), TicketService.SUBJECT, "code confirmed"));
                    ids.add(id);
                }
                return null;
            }).get(120, TimeUnit.SECONDS);
            creating.set(false);
            for (Future<Integer> f : relays) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            creating.set(false);
            pool.shutdownNow();
        }
        Set<String> wanted = new HashSet<>(ids);
        Map<String, List<String>> typesByTicket = new HashMap<>();
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil("dsr.ticket-events", Duration.ofSeconds(60),
                rs -> rs.stream().filter(r -> wanted.contains(r.key())).count() >= 2L * n);
        records.stream().filter(r -> wanted.contains(r.key())).sorted(java.util.Comparator.comparingLong(ConsumerRecord::offset))
                .forEach(r -> typesByTicket.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(type(r.value())));
        assertThat(typesByTicket).hasSize(n);
        typesByTicket.forEach((ticket, types) -> assertThat(types.stream().distinct()).as("order of %s", ticket)
                .containsExactly("dev.rightsdesk.ticket.received.v1", "dev.rightsdesk.ticket.verified.v1"));
    }

    @Test
    void r14ConcurrentRetriesWithOneIdempotencyKeyMakeOneTicketAndOneEvent() throws Exception {
        String key = "r14-" + UUID.randomUUID();
        int threads = 16;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit((Callable<Response>) () -> {
                    start.await();
                    return post(key);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> f : answers) {
                Response r = f.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).isEqualTo(202);
                ids.add(r.path("id"));
            }
            assertThat(ids).hasSize(1);
            assertThat(count("SELECT count(*) FROM ticket WHERE idempotency_key = ?1", key)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM outbox_event WHERE event_key = ?1", ids.iterator().next())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    static String type(String cloudEvent) {
        try {
            JsonNode node = JSON.readTree(cloudEvent);
            return node.path("type").asText();
        } catch (Exception e) {
            return "unparseable";
        }
    }
}
