package dev.rightsdesk.ai;

import static io.restassured.RestAssured.given;

import dev.rightsdesk.ai.lineage.OpenLineageConsumer;
import dev.rightsdesk.testing.TopicReader;
import java.time.Instant;

/** Builds OpenLineage run events as a training pipeline's OpenLineage client would send them. */
public final class OpenLineageEvents {

    public static final String NAMESPACE = "rightsdesk-test";
    public static final String JOB = "train-test";
    /** One record key for all test events, so they stay in order on one partition. */
    public static final String KEY = "run:rightsdesk-test/train-test";

    private OpenLineageEvents() {
    }

    public static String facet(long version, String digest) {
        return """
                {"_producer": "https://example.org/pipeline", "_schemaURL": "https://rightsdesk.dev/spec/facets/DsrExclusionSnapshotRunFacet.json",
                 "version": %d, "digest": "%s"}""".formatted(version, digest);
    }

    public static String event(String type, String runId, Instant time, String namespace, String job, String facet) {
        String facets = facet == null ? "{}" : "{\"dsrExclusionSnapshot\": " + facet + "}";
        return """
                {"eventType": "%s", "eventTime": "%s", "producer": "https://example.org/pipeline",
                 "schemaURL": "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent",
                 "run": {"runId": "%s", "facets": %s},
                 "job": {"namespace": "%s", "name": "%s", "facets": {}},
                 "inputs": [{"namespace": "s3://corpus", "name": "customers/v7"}], "outputs": []}"""
                .formatted(type, time, runId, facets, namespace, job);
    }

    public static void send(String value) {
        TopicReader.send(OpenLineageConsumer.TOPIC, KEY, value);
    }

    /** The current snapshot's facet, as a pipeline reads it before a run. */
    public static String currentFacet() {
        var snapshot = given().get("/api/v1/training-exclusions/snapshot").then().statusCode(200).extract().jsonPath();
        return facet(snapshot.getLong("version"), snapshot.getString("digest"));
    }

    /** The value of the violations counter for one finding of the test job (0 when not yet registered). */
    public static double violations(String finding) {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(l -> l.startsWith("rightsdesk_training_run_violations_total{"))
                .filter(l -> l.contains("finding=\"" + finding + "\"") && l.contains("job=\"" + NAMESPACE + "/" + JOB + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
