package dev.rightsdesk.platform.cluster;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.quarkus.scheduler.Scheduled;
import java.util.Set;

/**
 * Several replicas are safe only if no scheduled job acts twice: every class with a {@code @Scheduled} method uses
 * {@link ClusterLock} (a PostgreSQL advisory lock per round). Read from the compiled classes, so a comment naming
 * the lock does not count; the few classes that lock otherwise, or need no lock, are named here with the reason.
 */
@AnalyzeClasses(packages = "dev.rightsdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ScheduledJobsTest {

    /** Scheduled classes that do not use ClusterLock, each with the reason it is safe on several replicas. */
    private static final Set<String> OWN_REASON = Set.of(
            // Deletes expired staff sessions: idempotent, so every replica may run it at once.
            "dev.rightsdesk.platform.security.StaffSessions",
            // The demo runs in the single-JVM embedded run; a second replica would only add demo runs.
            "dev.rightsdesk.ai.demo.DemoTrainingPipeline");

    private static final DescribedPredicate<JavaClass> SCHEDULED = DescribedPredicate.describe(
            "have a @Scheduled method",
            c -> c.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Scheduled.class)));

    @ArchTest
    static final ArchRule everyScheduledJobTakesTheClusterLock = classes()
            .that(SCHEDULED)
            .and(DescribedPredicate.describe("are not named with their own reason",
                    (JavaClass c) -> !OWN_REASON.contains(c.getName())))
            .should().dependOnClassesThat().haveFullyQualifiedName(ClusterLock.class.getName());
}
