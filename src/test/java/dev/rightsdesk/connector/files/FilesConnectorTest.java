package dev.rightsdesk.connector.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.connector.iceberg.residue.ResidueScanner;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorCommand.Action;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.Correction;
import dev.rightsdesk.connector.spi.DataStoreConnector;
import dev.rightsdesk.connector.spi.Progress;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.Schema;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Erasure and rectification on real Parquet and JSONL shards, with the decoded final check. */
class FilesConnectorTest {

    private static final String ADA = "ada@example.org";
    private static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "email", Types.StringType.get()),
            Types.NestedField.optional(2, "name", Types.StringType.get()),
            Types.NestedField.optional(3, "text", Types.StringType.get()));

    @TempDir
    Path dir;

    @Test
    void parquetShardsLoseTheSubjectsRowsAndKeepEveryoneElse() throws Exception {
        ParquetShards parquet = new ParquetShards();
        for (int shard = 0; shard < 3; shard++) {
            List<Record> rows = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                rows.add(record(String.format("customer%05d@example.org", shard * 50 + i), "Customer " + i, "review"));
            }
            if (shard != 1) {
                rows.add(record(ADA, "Ada Lovelace", "the engine weaves"));
            }
            Files.createDirectories(dir.resolve("data"));
            parquet.write(dir.resolve("data/train-0000" + shard + "-of-00003.parquet"), new ShardFormat.Shard<>(SCHEMA, rows));
        }
        String untouched = ShardRewrite.sha256(dir.resolve("data/train-00001-of-00003.parquet"));

        ConnectorResult result = connector().execute(command(Action.ERASURE, List.of()), Progress.SILENT);

        assertThat(result.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
        assertThat(result.evidence().path("shards")).hasSize(2);
        assertThat(result.evidence().path("shards").get(0).path("rowsRemoved").asInt()).isEqualTo(1);
        assertThat(result.evidence().path("shards").get(0).path("sha256Before").asText())
                .isNotEqualTo(result.evidence().path("shards").get(0).path("sha256After").asText());
        assertThat(result.evidence().path("finalCheck").path("filesHoldingSubject").asInt()).isZero();
        assertThat(result.datasets().get(0).path("recordsRemoved").asInt()).isEqualTo(2);
        assertThat(ShardRewrite.sha256(dir.resolve("data/train-00001-of-00003.parquet"))).isEqualTo(untouched);
        long rows = 0;
        for (int shard = 0; shard < 3; shard++) {
            rows += parquet.read(dir.resolve("data/train-0000" + shard + "-of-00003.parquet")).rows().size();
        }
        assertThat(rows).isEqualTo(150);
        assertThat(filesWithSubject(Set.of(ADA))).isEmpty();
    }

    @Test
    void jsonlShardsLoseTheSubjectsRowsAndRectificationLeavesNoOldValue() throws Exception {
        Files.writeString(dir.resolve("part-0.jsonl"), """
                {"email":"customer00001@example.org","name":"Customer 1","text":"fine"}
                {"email":"ADA@example.org","name":"Ada Lovelace","text":"the engine weaves"}
                """, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("part-1.jsonl"), """
                {"email":"ada@example.org","name":"Ada Lovelace","text":"notes","meta":{"source":"forum"}}
                {"email":"customer00002@example.org","name":"Ada Lovelace","text":"a namesake keeps her name"}
                """, StandardCharsets.UTF_8);

        ConnectorResult fixed = connector().execute(command(Action.RECTIFICATION,
                List.of(new Correction("name", "Ada Lovelace", "Ada King"))), Progress.SILENT);
        assertThat(fixed.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
        assertThat(Files.readString(dir.resolve("part-0.jsonl"))).contains("Ada King").doesNotContain("Lovelace");
        assertThat(Files.readString(dir.resolve("part-1.jsonl")))
                .contains("\"email\":\"ada@example.org\",\"name\":\"Ada King\"")
                .contains("a namesake keeps her name\"");

        ConnectorResult erased = connector().execute(command(Action.ERASURE, List.of()), Progress.SILENT);
        assertThat(erased.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
        assertThat(erased.evidence().path("rowsMatched").asInt()).isEqualTo(2);
        assertThat(Files.readAllLines(dir.resolve("part-0.jsonl"))).hasSize(1);
        assertThat(Files.readAllLines(dir.resolve("part-1.jsonl"))).hasSize(1);
        assertThat(filesWithSubject(Set.of(ADA))).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".rd-"));
        }
        ConnectorResult again = connector().execute(command(Action.ERASURE, List.of()), Progress.SILENT);
        assertThat(again.outcome()).isEqualTo(ConnectorResult.Outcome.NOT_FOUND);
    }

    @Test
    void aPseudonymisedDatasetIsMatchedByTheTrainingExclusionHash() throws Exception {
        // the test vector of docs/ai-rights.md "The hash"
        String key = "QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=";
        String hash = "f52c3fb6962e0a96db59cd981a07545198b0a39d00f7ad792164b5a883a10e1d";
        assertThat(dev.rightsdesk.connector.iceberg.SubjectMatch.hmac(java.util.Base64.getDecoder().decode(key),
                "email", "  Ada@Example.ORG ")).isEqualTo(hash);
        Files.writeString(dir.resolve("part-0.jsonl"), "{\"subject\":\"" + hash + "\",\"text\":\"hers\"}\n"
                + "{\"subject\":\"0000\",\"text\":\"someone else\"}\n", StandardCharsets.UTF_8);
        String json = "{\"type\":\"files\",\"directory\":\".\",\"identity\":{\"hmac\":{\"column\":\"subject\","
                + "\"keyEnv\":\"HMAC_KEY\"}}}";
        DataStoreConnector connector = new FilesConnectorFactory().create(new ConnectorSettings("pseudo", "files",
                new ObjectMapper().readTree(json), dir, ref -> ref.equals("HMAC_KEY") ? Optional.of(key) : Optional.empty(),
                false));
        ConnectorResult result = connector.execute(command(Action.ERASURE, List.of()), Progress.SILENT);
        assertThat(result.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
        assertThat(Files.readString(dir.resolve("part-0.jsonl"))).doesNotContain(hash).contains("someone else");
    }

    private DataStoreConnector connector() throws Exception {
        String json = "{\"type\":\"files\",\"directory\":\".\",\"dataset\":\"reviews-files\","
                + "\"identity\":{\"email\":[\"email\"]},\"accessFields\":[\"text\"]}";
        return new FilesConnectorFactory().create(new ConnectorSettings("reviews-files", "files",
                new ObjectMapper().readTree(json), dir, ref -> Optional.empty(), false));
    }

    private static ConnectorCommand command(Action action, List<Correction> corrections) {
        return new ConnectorCommand(UUID.randomUUID(), UUID.randomUUID(), "reviews-files", action, 1,
                List.of(new SubjectIdentifier("email", ADA, true)), corrections, null, null, List.of(), false);
    }

    private static Record record(String email, String name, String text) {
        Record r = GenericRecord.create(SCHEMA);
        r.setField("email", email);
        r.setField("name", name);
        r.setField("text", text);
        return r;
    }

    private List<Path> filesWithSubject(Set<String> needles) throws Exception {
        ResidueScanner scanner = new ResidueScanner(needles, ResidueScanner.anyValueContains(needles));
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(f -> scanner.scan(f).hits() > 0).toList();
        }
    }
}
