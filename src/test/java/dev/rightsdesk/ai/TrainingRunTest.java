package dev.rightsdesk.ai;

import static dev.rightsdesk.ai.OpenLineageEvents.JOB;
import static dev.rightsdesk.ai.OpenLineageEvents.NAMESPACE;
import static dev.rightsdesk.ai.OpenLineageEvents.event;
import static dev.rightsdesk.ai.OpenLineageEvents.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.rightsdesk.ai.lineage.RunFinding;
import dev.rightsdesk.ai.lineage.TrainingRun;
import dev.rightsdesk.ai.lineage.TrainingRunEvidence;
import dev.rightsdesk.ai.lineage.TrainingRunEvidence.Outcome;
import dev.rightsdesk.ai.lineage.TrainingRunViolation;
import dev.rightsdesk.ticket.Ticket;
import dev.rightsdesk.ticket.TicketEvents;
import dev.rightsdesk.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TrainingRunTest {

    @Inject
    TrainingRunEvidence evidence;

    static TrainingRun awaitRun(String runId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> TrainingRun.find(NAMESPACE, JOB, runId)), Optional::isPresent).get();
    }

    static UUID excludedTicket(String prefix) {
        UUID ticket = AiTestSupport.submit("ERASURE", AiTestSupport.uniqueEmail(prefix), "C-" + prefix, "{}");
        AiTestSupport.verify(ticket);
        return ticket;
    }

    @Test
    void aStartWithTheCurrentSnapshotIsCompliantEvidenceOnTheTicket() {
        UUID ticket = excludedTicket("compliant");
        String runId = UUID.randomUUID().toString();
        send(event("START", runId, Instant.now(), NAMESPACE, JOB, OpenLineageEvents.currentFacet()));

        TrainingRun run = awaitRun(runId);
        assertThat(run.compliant).isTrue();
        assertThat(run.finding).isEqualTo(RunFinding.COMPLIANT);
        var mine = evidence.forTicket(ticket).stream().filter(r -> r.runId().equals(runId)).findFirst().orElseThrow();
        assertThat(mine.outcome()).isEqualTo(Outcome.EXCLUDED);
        assertThat(mine.statement()).startsWith("Excluded from run " + runId + " of job " + NAMESPACE + "/" + JOB + " at ");
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingRunViolation.forTicket(ticket))).isEmpty();

        send(event("COMPLETE", runId, Instant.now(), NAMESPACE, JOB, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> "COMPLETE".equals(awaitRun(runId).lastEventType));
        assertThat(awaitRun(runId).compliant).as("a later event without the facet does not re-judge the run").isTrue();
    }

    @Test
    void aStartWithAStaleSnapshotIsAViolationOnTheTicketItMissedAndIsCountedOnce() {
        String staleFacet = OpenLineageEvents.currentFacet();
        UUID ticket = excludedTicket("stale");
        double before = OpenLineageEvents.violations("STALE_SNAPSHOT");
        String runId = UUID.randomUUID().toString();
        String start = event("START", runId, Instant.now(), NAMESPACE, JOB, staleFacet);
        send(start);
        send(start); // redelivered: the inbox keeps it to one effect
        String marker = UUID.randomUUID().toString();
        send(event("START", marker, Instant.now(), NAMESPACE, JOB, OpenLineageEvents.currentFacet()));
        awaitRun(marker);

        TrainingRun run = awaitRun(runId);
        assertThat(run.compliant).isFalse();
        assertThat(run.finding).isEqualTo(RunFinding.STALE_SNAPSHOT);
        assertThat(run.requiredVersion).isGreaterThan(run.appliedVersion);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingRunViolation.forRun(run.id)))
                .anySatisfy(v -> {
                    assertThat(v.ticketId).isEqualTo(ticket);
                    assertThat(v.missedEntries).isEqualTo(2);
                });
        assertThat(QuarkusTransaction.requiringNew().call(() -> Ticket.<Ticket>findById(ticket)).flagged).isTrue();
        assertThat(evidence.violations(ticket)).extracting(TrainingRunEvidence.TicketRun::runId).containsExactly(runId);
        assertThat(TopicReader.readUntil(TicketEvents.TOPIC, Duration.ofSeconds(20), rs -> rs.stream().anyMatch(r ->
                        r.key().equals(ticket.toString()) && r.value().contains("training-run-violation")))
                .stream().filter(r -> r.key().equals(ticket.toString()) && r.value().contains("training-run-violation"))
                .findFirst().orElseThrow().value())
                .contains(runId).contains("STALE_SNAPSHOT");
        await().atMost(Duration.ofSeconds(10)).until(() -> OpenLineageEvents.violations("STALE_SNAPSHOT") == before + 1);
        // the compliant marker run, which applied the newer snapshot, is evidence on the same ticket
        assertThat(evidence.forTicket(ticket)).filteredOn(r -> r.runId().equals(marker))
                .extracting(TrainingRunEvidence.TicketRun::outcome).containsExactly(Outcome.EXCLUDED);
    }

    @Test
    void aStartWithoutTheFacetOrWithAWrongDigestIsAViolation() {
        UUID ticket = excludedTicket("nofacet");
        double before = OpenLineageEvents.violations("NO_FACET");
        String runId = UUID.randomUUID().toString();
        send(event("START", runId, Instant.now(), NAMESPACE, JOB, null));
        TrainingRun run = awaitRun(runId);
        assertThat(run.finding).isEqualTo(RunFinding.NO_FACET);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingRunViolation.forRun(run.id)))
                .extracting(v -> v.ticketId).contains(ticket);
        await().atMost(Duration.ofSeconds(10)).until(() -> OpenLineageEvents.violations("NO_FACET") == before + 1);

        var current = io.restassured.RestAssured.given().get("/api/v1/training-exclusions/snapshot").then().extract().jsonPath();
        String forged = event("START", UUID.randomUUID().toString(), Instant.now(), NAMESPACE, JOB,
                OpenLineageEvents.facet(current.getLong("version"), "0".repeat(64)));
        send(forged);
        TrainingRun mismatch = awaitRun(forged.substring(forged.indexOf("\"runId\": \"") + 10, forged.indexOf("\"runId\": \"") + 46));
        assertThat(mismatch.finding).isEqualTo(RunFinding.DIGEST_MISMATCH);
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingRunViolation.forRun(mismatch.id)))
                .extracting(v -> v.ticketId).contains(ticket);
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicAndOtherJobsAreIgnored() {
        String key = "malformed-" + UUID.randomUUID();
        TopicReader.send("openlineage.events", key, "this is not json");
        TopicReader.send("openlineage.events", key, "{\"eventType\": \"START\", \"eventTime\": \"yesterday\"}");
        String otherJobRun = UUID.randomUUID().toString();
        send(event("START", otherJobRun, Instant.now(), "someone-else", "etl", null));
        var dead = TopicReader.readUntil("openlineage.events.dlq", Duration.ofSeconds(30),
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 2);
        assertThat(dead).filteredOn(r -> key.equals(r.key())).hasSize(2);

        // the channel is still up, and the unregistered job left no run behind
        String after = UUID.randomUUID().toString();
        send(event("START", after, Instant.now(), NAMESPACE, JOB, OpenLineageEvents.currentFacet()));
        assertThat(awaitRun(after).compliant).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> TrainingRun.find("someone-else", "etl", otherJobRun)))
                .isEmpty();
    }
}
