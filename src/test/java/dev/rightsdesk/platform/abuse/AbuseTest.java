package dev.rightsdesk.platform.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rightsdesk.platform.abuse.Garbage.Body;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * More than 10,000 hostile requests against every public endpoint (intake, statutory deadline, training-exclusion
 * check, the form address): not one 5xx, and the ticket table grows by exactly the valid submissions among them.
 * A plain HTTP client with keep-alive in four threads keeps it well under a minute. {@link CanaryTest} follows one
 * subject's address through the whole flow.
 */
@QuarkusTest
@org.junit.jupiter.api.Order(Integer.MAX_VALUE - 11) // after the other plain @QuarkusTest classes, before FailureTest
class AbuseTest {

    private static final Logger LOG = Logger.getLogger(AbuseTest.class);
    static final long SEED = Long.getLong("rightsdesk.abuse.seed", 20261128L);

    @TestHTTPResource("/")
    URL base;
    @Inject
    EntityManager em;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
    final List<String> serverErrors = java.util.Collections.synchronizedList(new ArrayList<>());

    long tickets() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM ticket").getSingleResult()).longValue());
    }

    @Test
    void tenThousandHostileRequestsGetNoServerErrorAndStoreNoGarbage() throws Exception {
        Garbage garbage = new Garbage(SEED);
        List<Body> intake = garbage.intake(7_000);
        List<Body> check = garbage.exclusionCheck(1_500);
        List<String> deadline = garbage.deadlineQueries(1_200);
        long validIntake = intake.stream().filter(Body::valid).count();
        java.time.Instant started = java.time.Instant.now();
        AtomicInteger acceptedEither = new AtomicInteger();
        long before = tickets();

        List<Runnable> calls = new ArrayList<>();
        AtomicInteger accepted = new AtomicInteger();
        for (Body b : intake) {
            calls.add(() -> {
                int status = send("POST", "api/v1/requests", b, "intake " + b.kind());
                if (status == 202) {
                    accepted.incrementAndGet();
                    if (b.expect() == Garbage.Expect.EITHER) {
                        acceptedEither.incrementAndGet();
                    }
                }
                if (b.valid()) {
                    assertStatus(status, 202, "valid intake");
                } else if (b.expect() == Garbage.Expect.INVALID && status < 400) {
                    serverErrors.add("garbage accepted: intake " + b.kind() + " -> " + status + ": "
                            + abbreviate(new String(b.bytes(), StandardCharsets.UTF_8)));
                }
            });
        }
        for (Body b : check) {
            calls.add(() -> {
                int status = send("POST", "api/v1/training-exclusions/check", b, "check " + b.kind());
                if (b.valid()) {
                    assertStatus(status, 200, "valid check");
                } else if (b.expect() == Garbage.Expect.INVALID && status < 400) {
                    serverErrors.add("garbage accepted: check " + b.kind() + " -> " + status);
                }
            });
        }
        for (String q : deadline) {
            calls.add(() -> send("GET", "api/v1/statutory-deadline" + q, null, "deadline " + q));
        }
        Random random = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            byte[] form = ("type=" + (i % 3 == 0 ? "ACCESS" : "%FF%00") + "&email=" + (char) ('a' + random.nextInt(26))
                    + "&x=" + "y".repeat(random.nextInt(3000))).getBytes(StandardCharsets.UTF_8);
            calls.add(() -> send("POST", "", new Body("form", form, "application/x-www-form-urlencoded", Garbage.Expect.EITHER), "form"));
        }
        java.util.Collections.shuffle(calls, random);
        assertThat(calls).hasSizeGreaterThanOrEqualTo(10_000);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable call : calls) {
                futures.add(pool.submit(call));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        LOG.infof("Abuse: %d requests, statuses %s", calls.size(), new TreeMap<>(statuses));
        assertThat(serverErrors).as("server errors or garbage accepted").isEmpty();
        assertThat(accepted.get()).isEqualTo(validIntake + acceptedEither.get());
        assertThat(tickets() - before).as("tickets stored: exactly the valid submissions")
                .isEqualTo(validIntake + acceptedEither.get());
        dev.rightsdesk.testing.NoticeBacklog.drain(em, started);
    }

    static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }

    private void assertStatus(int status, int expected, String what) {
        if (status != expected) {
            serverErrors.add(what + " -> " + status);
        }
    }

    /** Sends one request; records its status; any 5xx (or a broken connection) is a failure. */
    private int send(String method, String path, Body body, String what) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base.toString() + path)).timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", body.contentType()).method(method, HttpRequest.BodyPublishers.ofByteArray(body.bytes()));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            statuses.computeIfAbsent(what.split(" ")[0] + " " + status, k -> new AtomicInteger()).incrementAndGet();
            if (status >= 500) {
                serverErrors.add(what + " -> " + status + ": " + response.body());
            }
            return status;
        } catch (Exception e) {
            serverErrors.add(what + " -> " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return -1;
        }
    }
}
