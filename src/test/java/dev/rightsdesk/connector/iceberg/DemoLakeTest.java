package dev.rightsdesk.connector.iceberg;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.connector.iceberg.demo.DemoLake;
import dev.rightsdesk.connector.spi.ConnectorCommand.Action;
import dev.rightsdesk.connector.spi.ConnectorResult;
import dev.rightsdesk.connector.spi.ConnectorSettings;
import dev.rightsdesk.connector.spi.Progress;
import dev.rightsdesk.platform.embedded.EmbeddedPostgresServer;
import dev.rightsdesk.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The demo lake installs once (idempotently) and an erasure of the example subject empties it of her. */
class DemoLakeTest {

    @Test
    void theExampleSubjectIsErasedFromTheDemoLake() throws Exception {
        EmbeddedPostgresServer pg = TestPostgres.get();
        Path warehouse = Files.createTempDirectory("rightsdesk-demo-lake-");
        List<Long> snapshots = DemoLake.install(pg.jdbcUrl(), EmbeddedPostgresServer.USER, "", warehouse);
        assertThat(snapshots).hasSize(4);
        assertThat(DemoLake.install(pg.jdbcUrl(), EmbeddedPostgresServer.USER, "", warehouse)).isEqualTo(snapshots);

        String json = "{\"type\":\"iceberg\",\"catalog\":{\"name\":\"demo\",\"uri\":\"" + pg.jdbcUrl()
                + "\",\"user\":\"postgres\",\"warehouse\":\"" + warehouse + "\"},\"table\":\"training.corpus\","
                + "\"dataset\":\"training-corpus\",\"identity\":{\"email\":[\"email\"]},"
                + "\"personalColumns\":[\"customer_name\",\"review\"],\"orphanMinAge\":\"PT0S\"}";
        try (IcebergConnector connector = new IcebergConnectorFactory().create(new ConnectorSettings("training-corpus",
                "iceberg", new ObjectMapper().readTree(json), warehouse, ref -> Optional.empty(), false), a -> { })) {
            ConnectorResult erased = connector.execute(TestLake.command(Action.ERASURE, DemoLake.SUBJECT, null, null),
                    Progress.SILENT);
            assertThat(erased.outcome()).isEqualTo(ConnectorResult.Outcome.COMPLETED);
            assertThat(erased.evidence().path("rowsMatched").asInt()).isEqualTo(3);
            assertThat(erased.datasets()).hasSize(4);
            ConnectorResult after = connector.execute(TestLake.command(Action.ACCESS, DemoLake.SUBJECT, null, null),
                    Progress.SILENT);
            assertThat(after.outcome()).isEqualTo(ConnectorResult.Outcome.NOT_FOUND);
        }
    }
}
