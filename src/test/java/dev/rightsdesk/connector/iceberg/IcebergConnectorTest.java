package dev.rightsdesk.connector.iceberg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rightsdesk.connector.iceberg.residue.ResidueScanner;
import dev.rightsdesk.connector.spi.ConnectorCommand.Action;
import dev.rightsdesk.connector.spi.ConnectorFailure;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.Correction;
import dev.rightsdesk.connector.spi.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Erasure, rectification, access and objection on a real Iceberg table (JDBC catalog on a real PostgreSQL). */
class IcebergConnectorTest {

    private static final String ADA = "ada@example.org";

    private TestLake lake;
    private long first;
    private long second;

    @BeforeEach
    void lake() {
        lake = new TestLake();
        first = DataFiles.append(lake.table, TestLake.batch(0, 120, true));
        lake.table.manageSnapshots().createTag("release-1", first).commit();
        second = DataFiles.append(lake.table, TestLake.batch(120, 240, true));
        DataFiles.append(lake.table, TestLake.batch(240, 300, false));
    }

    @AfterEach
    void close() {
        lake.close();
    }

    @Test
    void erasureLeavesNoReachableFileAndNoFileOnDiskWithTheSubject() throws Exception {
        // a failed writer's leftover file that holds the subject: only orphan removal can find it
        Path leftover = TableJanitor.local(DataFiles.write(lake.table, lake.table.spec(),
                partition("train"), List.of(TestLake.row(9, ADA, "Ada", "left over", "train"))).location());
        assertThat(scanAll(Set.of(ADA))).isNotEmpty();

        ConnectorResult result;
        try (IcebergConnector connector = lake.connector("", attempt -> { })) {
            result = connector.execute(TestLake.command(Action.ERASURE, ADA, null, null), Progress.SILENT);
        }

        assertThat(result.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
        JsonNode ev = result.evidence();
        assertThat(ev.path("rowsMatched").asLong()).isEqualTo(2);
        assertThat(ev.path("snapshotBefore").asLong()).isNotEqualTo(ev.path("snapshotAfter").asLong());
        assertThat(ev.path("filesRewritten")).isNotEmpty();
        assertThat(ev.path("snapshotsExpired").toString()).contains(String.valueOf(first), String.valueOf(second));
        assertThat(ev.path("refsRemoved").toString()).contains("tag:release-1");
        assertThat(ev.path("orphanFilesRemoved").toString()).contains(leftover.getFileName().toString());
        assertThat(ev.path("metricsNoneSet").toString()).contains("email");
        assertThat(ev.path("finalCheck").path("filesHoldingSubject").asInt()).isZero();
        // evidence proves without personal data: ids, counts and generated file names only
        assertThat(ev.toString()).doesNotContainIgnoringCase("ada@").doesNotContainIgnoringCase("example.org");
        assertThat(result.datasets()).hasSize(3);
        assertThat(result.datasets().get(0).path("dataset").asText()).isEqualTo("reviews");
        assertThat(result.datasets().get(0).path("recordsRemoved").asLong()).isEqualTo(1);

        // time travel: the snapshots that held the subject are gone, every remaining one is without them
        lake.table.refresh();
        assertThat(lake.table.snapshot(first)).isNull();
        assertThat(lake.table.snapshot(second)).isNull();
        for (Snapshot s : lake.table.snapshots()) {
            assertThat(rows(s.snapshotId())).noneMatch(r -> ADA.equals(r.getField("email")));
        }
        assertThat(rows(lake.table.currentSnapshot().snapshotId())).hasSize(300);
        // independent of the engine's own check: decode every file under the location, and grep the bytes
        assertThat(scanAll(Set.of(ADA))).isEmpty();
        assertThat(lake.filesContainingBytes(ADA)).isEmpty();
        assertThat(leftover).doesNotExist();
    }

    @Test
    void aConcurrentCommitDuringTheErasureIsDetectedAndTheErasureRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ConnectorResult result;
        try (IcebergConnector connector = lake.connector("", attempt -> {
            if (attempts.incrementAndGet() == 1) {
                // another pipeline appends fresh examples, one of them the subject's, between read and commit
                DataFiles.append(lake.catalog.loadTable(org.apache.iceberg.catalog.TableIdentifier.of("training",
                        "examples")), TestLake.batch(300, 310, true));
            }
        })) {
            result = connector.execute(TestLake.command(Action.ERASURE, ADA, null, null), Progress.SILENT);
        }
        assertThat(result.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
        assertThat(result.evidence().path("attempts").asInt()).isEqualTo(2);
        assertThat(result.evidence().path("rowsMatched").asLong()).isEqualTo(3);
        lake.table.refresh();
        List<Record> now = rows(lake.table.currentSnapshot().snapshotId());
        assertThat(now).hasSize(310).noneMatch(r -> ADA.equals(r.getField("email")));
        assertThat(scanAll(Set.of(ADA))).isEmpty();
    }

    @Test
    void rectificationLeavesNoOldValueAnywhere() throws Exception {
        ConnectorResult result;
        try (IcebergConnector connector = lake.connector("", attempt -> { })) {
            result = connector.execute(TestLake.command(Action.RECTIFICATION, ADA,
                    List.of(new Correction("name", "Ada Lovelace", "Ada King")), null), Progress.SILENT);
        }
        assertThat(result.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
        assertThat(result.evidence().path("fieldsCorrected").toString()).contains("name");
        lake.table.refresh();
        List<Record> adas = rows(lake.table.currentSnapshot().snapshotId()).stream()
                .filter(r -> ADA.equals(r.getField("email"))).toList();
        assertThat(adas).hasSize(2).allMatch(r -> "Ada King".equals(r.getField("name")));
        for (Snapshot s : lake.table.snapshots()) {
            assertThat(rows(s.snapshotId())).noneMatch(r -> "Ada Lovelace".equals(r.getField("name")));
        }
        assertThat(scanAll(Set.of("ada lovelace"))).isEmpty();
        assertThat(lake.filesContainingBytes("Ada Lovelace")).isEmpty();
    }

    @Test
    void accessNamesTheSnapshotsAndObjectionErasesNothing() throws Exception {
        try (IcebergConnector connector = lake.connector("", attempt -> { })) {
            ConnectorResult access = connector.execute(TestLake.command(Action.ACCESS, ADA, null, null), Progress.SILENT);
            assertThat(access.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
            assertThat(access.answer().path("snapshots")).hasSize(3);
            assertThat(access.answer().path("records")).hasSize(2);
            assertThat(access.answer().path("records").get(0).has("email")).isFalse();

            long current = lake.table.currentSnapshot().snapshotId();
            ConnectorResult objection = connector.execute(TestLake.command(Action.OBJECTION, ADA, null,
                    List.of("ai-training")), Progress.SILENT);
            assertThat(objection.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
            assertThat(objection.evidence().path("currentSnapshot").asLong()).isEqualTo(current);
            assertThat(objection.datasets().toString()).contains("\"version\":\"" + current + "\"", "recordsExcluded");
            lake.table.refresh();
            assertThat(lake.table.currentSnapshot().snapshotId()).isEqualTo(current);

            ConnectorResult marketing = connector.execute(TestLake.command(Action.OBJECTION, ADA, null,
                    List.of("direct-marketing")), Progress.SILENT);
            assertThat(marketing.outcome()).isEqualTo(ConnectorResult.Outcome.NOT_FOUND);
        }
    }

    @Test
    void aTagPinningTheSubjectIsRefusedWhenConfigured() throws Exception {
        try (IcebergConnector connector = lake.connector(",\"pinnedRefs\":\"refuse\"", attempt -> { })) {
            assertThatThrownBy(() -> connector.execute(TestLake.command(Action.ERASURE, ADA, null, null), Progress.SILENT))
                    .isInstanceOf(ConnectorFailure.class)
                    .hasMessageContaining("tag:release-1")
                    .satisfies(e -> assertThat(((ConnectorFailure) e).retryable()).isFalse());
        }
        lake.table.refresh();
        assertThat(lake.table.snapshot(first)).isNotNull();
    }

    private org.apache.iceberg.StructLike partition(String split) {
        org.apache.iceberg.PartitionKey key = new org.apache.iceberg.PartitionKey(lake.table.spec(), lake.table.schema());
        key.partition(TestLake.row(0, "x", "x", "x", split));
        return key;
    }

    private List<Record> rows(long snapshotId) throws Exception {
        List<Record> out = new ArrayList<>();
        try (CloseableIterable<Record> it = IcebergGenerics.read(lake.table).useSnapshot(snapshotId).build()) {
            it.forEach(r -> out.add(r.copy()));
        }
        return out;
    }

    private List<Path> scanAll(Set<String> needles) throws Exception {
        ResidueScanner scanner = new ResidueScanner(needles, ResidueScanner.anyValueContains(needles));
        return lake.files().stream().filter(f -> scanner.scan(f).hits() > 0).toList();
    }
}
