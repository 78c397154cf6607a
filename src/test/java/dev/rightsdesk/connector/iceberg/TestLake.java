package dev.rightsdesk.connector.iceberg;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.connector.spi.ConnectorCommand;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.Correction;
import dev.rightsdesk.connector.spi.SubjectIdentifier;
import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import dev.rightsdesk.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;

/** A real Iceberg table in a JDBC catalog on the test PostgreSQL, with a temp warehouse, for one test. */
final class TestLake implements AutoCloseable {

    static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.LongType.get()),
            Types.NestedField.required(2, "email", Types.StringType.get()),
            Types.NestedField.optional(3, "name", Types.StringType.get()),
            Types.NestedField.optional(4, "text", Types.StringType.get()),
            Types.NestedField.optional(5, "split", Types.StringType.get()));

    final Path warehouse;
    final String catalogName = "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    final JdbcCatalog catalog;
    final Table table;
    final EmbeddedPostgresServer postgres = TestPostgres.get();

    TestLake() {
        try {
            warehouse = Files.createTempDirectory("rightsdesk-lake-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catalog = IcebergConnectorFactory.catalog(catalogName, postgres.jdbcUrl(), EmbeddedPostgresServer.USER, "",
                warehouse.toString());
        catalog.createNamespace(Namespace.of("training"));
        table = catalog.createTable(TableIdentifier.of("training", "examples"), SCHEMA,
                PartitionSpec.builderFor(SCHEMA).identity("split").build());
    }

    static Record row(long id, String email, String name, String text, String split) {
        Record r = GenericRecord.create(SCHEMA);
        r.setField("id", id);
        r.setField("email", email);
        r.setField("name", name);
        r.setField("text", text);
        r.setField("split", split);
        return r;
    }

    /** Customers {@code from..to} plus, when asked, one row of ada; two partitions. */
    static List<Record> batch(int from, int to, boolean withAda) {
        List<Record> rows = new ArrayList<>();
        for (int i = from; i < to; i++) {
            rows.add(row(i, String.format("customer%05d@example.org", i), "Customer " + i, "review " + i,
                    i % 4 == 0 ? "eval" : "train"));
        }
        if (withAda) {
            rows.add(row(100_000 + from, "ada@example.org", "Ada Lovelace", "the engine weaves", "train"));
        }
        return rows;
    }

    IcebergConnector connector(String extraConfig, java.util.function.IntConsumer beforeCommit) throws Exception {
        String json = "{\"type\":\"iceberg\",\"catalog\":{\"name\":\"" + catalogName + "\",\"uri\":\"" + postgres.jdbcUrl()
                + "\",\"user\":\"postgres\",\"warehouse\":\"" + warehouse + "\"},\"table\":\"training.examples\","
                + "\"dataset\":\"reviews\",\"identity\":{\"email\":[\"email\"]},\"personalColumns\":[\"name\",\"text\"],"
                + "\"accessFields\":[\"id\",\"split\"],\"orphanMinAge\":\"PT0S\"" + extraConfig + "}";
        ConnectorSettings settings = new ConnectorSettings("reviews", "iceberg", new ObjectMapper().readTree(json),
                warehouse, ref -> Optional.empty(), false);
        IcebergConnector c = new IcebergConnectorFactory().create(settings, beforeCommit);
        c.validate();
        return c;
    }

    static ConnectorCommand command(ConnectorCommand.Action action, String email, List<Correction> corrections,
                                    List<String> purposes) {
        return new ConnectorCommand(UUID.randomUUID(), UUID.randomUUID(), "reviews", action, 1,
                List.of(new SubjectIdentifier("email", email, true)), corrections, null, null, purposes, false);
    }

    /** Every file under the table's location. */
    List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(TableJanitor.local(table.location()))) {
            return s.filter(Files::isRegularFile).toList();
        }
    }

    /** A byte search too, on top of the decoded check: catches plain-text leaks in any file. */
    List<Path> filesContainingBytes(String value) throws IOException {
        byte[] needle = value.getBytes(StandardCharsets.UTF_8);
        List<Path> out = new ArrayList<>();
        for (Path f : files()) {
            byte[] bytes = Files.readAllBytes(f);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                out.add(f);
                break;
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            catalog.close();
        } catch (Exception ignored) {
            // test cleanup
        }
    }
}
