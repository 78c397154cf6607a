package dev.rightsdesk.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Several replicas are safe only if no scheduled job acts twice: every class with a {@code @Scheduled} method
 * takes a PostgreSQL advisory lock ({@link ClusterLock} or {@code pg_try_advisory_*}), or says in a
 * {@code // every-replica:} comment why running on each replica is harmless (for example a per-JVM cache refresh).
 */
class ScheduledJobsTest {

    @Test
    void everyScheduledJobIsGuardedByAnAdvisoryLock() throws IOException {
        List<Path> scheduled;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            scheduled = files.filter(f -> f.toString().endsWith(".java")).filter(f -> read(f).contains("@Scheduled("))
                    .collect(Collectors.toList());
        }
        // The outbox relay runs on its own thread rather than the scheduler; it takes the lock too.
        assertThat(read(Path.of("src/main/java/dev/rightsdesk/platform/outbox/OutboxRelay.java"))).contains("pg_try_advisory");
        assertThat(scheduled).allSatisfy(f -> assertThat(read(f))
                .as("%s runs a @Scheduled job: guard it with ClusterLock (or say '// every-replica: why')", f)
                .containsAnyOf("ClusterLock", "pg_try_advisory", "// every-replica:"));
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
