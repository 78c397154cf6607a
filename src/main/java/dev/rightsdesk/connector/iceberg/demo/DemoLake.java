package dev.rightsdesk.connector.iceberg.demo;

import dev.rightsdesk.connector.iceberg.DataFiles;
import dev.rightsdesk.connector.iceberg.IcebergConnectorFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.types.Types;

/**
 * The demo training corpus as a real Iceberg table ({@code training.corpus} in catalog {@code demo}): a few thousand
 * review examples of the demo customers ({@code customerNNNNN@example.org} and {@code ada@example.org}), written in
 * four snapshots. Idempotent: an existing table is left as it is.
 */
public final class DemoLake {

    public static final String CATALOG = "demo";
    public static final String TABLE = "training.corpus";
    public static final String SUBJECT = "ada@example.org";

    static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "example_id", Types.LongType.get()),
            Types.NestedField.required(2, "email", Types.StringType.get()),
            Types.NestedField.optional(3, "customer_name", Types.StringType.get()),
            Types.NestedField.optional(4, "review", Types.StringType.get()),
            Types.NestedField.optional(5, "rating", Types.IntegerType.get()),
            Types.NestedField.optional(6, "split", Types.StringType.get()));

    private static final String[] WORDS = {"fast", "delivery", "broken", "lovely", "late", "great", "refund",
        "quality", "again", "recommend", "size", "colour", "box", "service"};

    private DemoLake() {
    }

    /** Creates the table if absent and returns its snapshot ids, oldest first. */
    public static List<Long> install(String jdbcUrl, String user, String password, Path warehouse) {
        try (JdbcCatalog catalog = IcebergConnectorFactory.catalog(CATALOG, jdbcUrl, user, password,
                warehouse.toAbsolutePath().toString())) {
            TableIdentifier id = TableIdentifier.parse(TABLE);
            if (catalog.tableExists(id)) {
                List<Long> ids = new ArrayList<>();
                catalog.loadTable(id).snapshots().forEach(s -> ids.add(s.snapshotId()));
                return ids;
            }
            if (!catalog.namespaceExists(Namespace.of("training"))) {
                catalog.createNamespace(Namespace.of("training"));
            }
            // personal columns keep no statistics from the first file on (docs/connectors.md "Iceberg datasets")
            Table table = catalog.buildTable(id, SCHEMA).withPartitionSpec(PartitionSpec.builderFor(SCHEMA)
                            .identity("split").build())
                    .withProperty(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + "email", "none")
                    .withProperty(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + "customer_name", "none")
                    .withProperty(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + "review", "none")
                    .create();
            Random random = new Random(42);
            List<Long> snapshots = new ArrayList<>();
            long next = 1;
            for (int batch = 0; batch < 4; batch++) {
                List<Record> rows = new ArrayList<>();
                for (int i = 0; i < 1000; i++, next++) {
                    int customer = 1 + random.nextInt(400);
                    rows.add(row(next, String.format("customer%05d@example.org", customer), "Customer " + customer,
                            random, batch));
                }
                if (batch != 2) {
                    // the example subject wrote a review in three of the four batches
                    rows.add(row(next++, SUBJECT, "Ada Lovelace", random, batch));
                }
                snapshots.add(DataFiles.append(table, rows));
            }
            return snapshots;
        } catch (Exception e) {
            throw new IllegalStateException("could not install the demo lake in " + warehouse, e);
        }
    }

    private static Record row(long id, String email, String name, Random random, int batch) {
        Record r = GenericRecord.create(SCHEMA);
        StringBuilder review = new StringBuilder();
        for (int w = 0; w < 8; w++) {
            review.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        r.setField("example_id", id);
        r.setField("email", email);
        r.setField("customer_name", name);
        r.setField("review", review.toString().trim());
        r.setField("rating", 1 + random.nextInt(5));
        r.setField("split", random.nextInt(10) == 0 ? "eval" : "train");
        return r;
    }
}
