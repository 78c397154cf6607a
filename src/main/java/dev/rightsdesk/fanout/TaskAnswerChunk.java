package dev.rightsdesk.fanout;

import dev.rightsdesk.platform.crypto.EncryptedStringConverter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One part of an access answer sent in chunks; kept (encrypted) until every part has arrived. */
@Entity
@Table(name = "task_answer_chunk")
@IdClass(TaskAnswerChunk.Key.class)
public class TaskAnswerChunk extends PanacheEntityBase {

    @Id
    public UUID taskId;
    @Id
    public int chunkIndex;
    public int chunkCount;

    @Convert(converter = EncryptedStringConverter.class)
    @Column(name = "data_enc")
    public String data;

    public Instant receivedAt;

    public static List<TaskAnswerChunk> forTask(UUID taskId) {
        return list("taskId = ?1 order by chunkIndex", taskId);
    }

    public static long deleteForTask(UUID taskId) {
        return delete("taskId", taskId);
    }

    /** Composite key (task, index). */
    public static class Key implements Serializable {
        public UUID taskId;
        public int chunkIndex;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(taskId, k.taskId) && chunkIndex == k.chunkIndex;
        }

        @Override
        public int hashCode() {
            return Objects.hash(taskId, chunkIndex);
        }
    }
}
