package dev.rightsdesk.connector;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Which polled records are done, per partition, so that offsets are committed only up to the first record still
 * being worked on: commands finish out of order on the executor, but a commit says "everything before is done".
 * Used by the poll thread only (the consumer is not thread-safe).
 */
final class OffsetTracker {

    private final Map<TopicPartition, TreeMap<Long, Boolean>> partitions = new HashMap<>();

    void polled(TopicPartition partition, long offset) {
        partitions.computeIfAbsent(partition, p -> new TreeMap<>()).put(offset, false);
    }

    void done(TopicPartition partition, long offset) {
        TreeMap<Long, Boolean> offsets = partitions.get(partition);
        if (offsets != null && offsets.containsKey(offset)) {
            offsets.put(offset, true);
        }
    }

    /** The offsets to commit now (the next record to read per partition), dropping the done prefix. */
    Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        partitions.forEach((partition, offsets) -> {
            Long last = null;
            while (!offsets.isEmpty() && offsets.firstEntry().getValue()) {
                last = offsets.pollFirstEntry().getKey();
            }
            if (last != null) {
                commit.put(partition, new OffsetAndMetadata(last + 1));
            }
        });
        return commit;
    }

    /** Forgets partitions this consumer no longer owns; their unfinished records go to the new owner. */
    void revoked(Set<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }
}
