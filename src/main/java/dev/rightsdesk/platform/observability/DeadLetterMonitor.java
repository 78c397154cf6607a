package dev.rightsdesk.platform.observability;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Counts every record that lands on a dead-letter topic ({@code rightsdesk_dlq_records_total{topic}}), whichever
 * consumer or replica put it there. All replicas share one consumer group, so each record is counted once across
 * the deployment. Logs where the record is and the exception class, never the key, the reason text or the payload (a
 * parse error's message can quote the input, and results can carry personal data).
 */
@ApplicationScoped
public class DeadLetterMonitor {

    public static final String CHANNEL = "dlq-monitor";
    private static final Logger LOG = Logger.getLogger(DeadLetterMonitor.class);

    private final Metrics metrics;

    public DeadLetterMonitor(Metrics metrics) {
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> onDeadLetter(Message<String> record) {
        record.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(m -> {
            metrics.deadLettered(m.getTopic());
            Header cause = m.getHeaders().lastHeader("dead-letter-exception-class-name");
            LOG.warnf("Record dead-lettered on %s (partition %d, offset %d, cause %s)", m.getTopic(),
                    m.getPartition(), m.getOffset(),
                    cause == null ? "unknown" : new String(cause.value(), StandardCharsets.UTF_8));
        });
        return record.ack();
    }
}
