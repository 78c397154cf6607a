package dev.rightsdesk.ai.lineage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Arrays;

/**
 * The counter {@value #NAME} (Prometheus: {@code rightsdesk_training_run_violations_total}), one per
 * training run that failed the check, tagged by job and finding. Incremented only after the run's
 * record commits, so a redelivered event never counts twice.
 */
@ApplicationScoped
public class ViolationMetrics {

    public static final String NAME = "rightsdesk.training.run.violations";

    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;
    private final TrainingPipelines pipelines;

    public ViolationMetrics(MeterRegistry registry, TransactionSynchronizationRegistry transactions,
            TrainingPipelines pipelines) {
        this.registry = registry;
        this.transactions = transactions;
        this.pipelines = pipelines;
    }

    /** Registers every (pipeline, finding) at zero, so alerts on an increase work from the first violation. */
    void onStart(@Observes StartupEvent event) {
        pipelines.all().forEach(p -> Arrays.stream(RunFinding.values()).filter(f -> !f.compliant())
                .forEach(f -> counter(p.job(), f)));
    }

    /** Counts a violating run once the current transaction has committed. */
    public void countAfterCommit(String job, RunFinding finding) {
        Counter counter = counter(job, finding);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counter.increment();
                }
            }
        });
    }

    private Counter counter(String job, RunFinding finding) {
        return Counter.builder(NAME).description("Training runs that did not prove they applied the exclusion list")
                .tag("job", job).tag("finding", finding.name()).register(registry);
    }
}
