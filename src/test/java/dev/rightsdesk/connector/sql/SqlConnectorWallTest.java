package dev.rightsdesk.connector.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The SQL engine is a client of the connector SPI only (STYLE.md, "Walls"): it may import the SPI and platform,
 * never a feature of Rightsdesk's core. Until the project's ArchUnit rule covers it, this reads the imports.
 */
class SqlConnectorWallTest {

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^import (static )?dev\\.rightsdesk\\.(?!connector\\.spi\\.|connector\\.sql\\.|platform\\.)[a-z]+\\.",
            Pattern.MULTILINE);

    @Test
    void theSqlPackageImportsOnlyTheSpiAndPlatform() throws IOException {
        Path root = Path.of("src/main/java/dev/rightsdesk/connector/sql");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(root)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            assertThat(FORBIDDEN.matcher(Files.readString(source)).find())
                    .as("%s imports a Rightsdesk package other than connector.spi and platform", source).isFalse();
        }
    }
}
