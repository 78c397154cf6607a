package dev.rightsdesk.fanout.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rightsdesk.fanout.Task;
import dev.rightsdesk.fanout.TaskAnswerChunk;
import dev.rightsdesk.fanout.TaskDatasetVersion;
import dev.rightsdesk.fanout.TaskModelVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the parts of an answer: dataset versions and model versions as rows (one per reported version, updated
 * when reported again), and the chunks of a large access answer until they join into the whole.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AnswerStore {

    /** The state of a chunked answer: still waiting for parts, or complete ({@code json} null if not valid JSON). */
    public record Assembly(boolean waiting, String json) {
    }

    private final ObjectMapper mapper;

    public AnswerStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void storeStructured(Task task, TaskResult r, Instant now) {
        for (TaskResult.DatasetVersion d : r.datasets()) {
            TaskDatasetVersion row = TaskDatasetVersion.<TaskDatasetVersion>find(
                    "taskId = ?1 and dataset = ?2 and datasetVersion = ?3", task.id, d.dataset(), d.version())
                    .firstResultOptional().orElseGet(TaskDatasetVersion::new);
            row.taskId = task.id;
            row.ticketId = task.ticketId;
            row.systemKey = task.systemKey;
            row.dataset = d.dataset();
            row.datasetVersion = d.version();
            row.recordsRemoved = d.recordsRemoved() == null ? 0 : d.recordsRemoved();
            row.recordsExcluded = d.recordsExcluded() == null ? 0 : d.recordsExcluded();
            row.reportedAt = now;
            if (row.id == null) {
                row.persist();
            }
        }
        for (TaskResult.ModelVersion m : r.modelVersions()) {
            TaskModelVersion row = TaskModelVersion.<TaskModelVersion>find(
                    "taskId = ?1 and modelName = ?2 and modelVersion = ?3", task.id, m.name(), m.version())
                    .firstResultOptional().orElseGet(TaskModelVersion::new);
            row.taskId = task.id;
            row.ticketId = task.ticketId;
            row.systemKey = task.systemKey;
            row.modelName = m.name();
            row.modelVersion = m.version();
            row.trainingDatasetVersions = m.trainingDatasetVersions() == null
                    ? new ArrayList<>() : new ArrayList<>(m.trainingDatasetVersions());
            row.reportedAt = now;
            if (row.id == null) {
                row.persist();
            }
        }
    }

    /**
     * Stores one chunk. A chunk whose count differs from the parts already held starts the answer over (the
     * system sent a new one). When every part is there, joins them in index order and drops the parts.
     */
    public Assembly addChunk(Task task, TaskResult.Chunk chunk, Instant now) {
        List<TaskAnswerChunk> held = TaskAnswerChunk.forTask(task.id);
        if (held.stream().anyMatch(c -> c.chunkCount != chunk.count())) {
            TaskAnswerChunk.deleteForTask(task.id);
            TaskAnswerChunk.getEntityManager().flush();
            held = new ArrayList<>();
        }
        if (held.stream().noneMatch(c -> c.chunkIndex == chunk.index())) {
            TaskAnswerChunk part = new TaskAnswerChunk();
            part.taskId = task.id;
            part.chunkIndex = chunk.index();
            part.chunkCount = chunk.count();
            part.data = chunk.data();
            part.receivedAt = now;
            part.persist();
            held = new ArrayList<>(held);
            held.add(part);
        }
        if (held.size() < chunk.count()) {
            return new Assembly(true, null);
        }
        StringBuilder joined = new StringBuilder();
        held.stream().sorted((a, b) -> Integer.compare(a.chunkIndex, b.chunkIndex)).forEach(c -> joined.append(c.data));
        TaskAnswerChunk.deleteForTask(task.id);
        try {
            return new Assembly(false, mapper.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(joined.toString()).toString());
        } catch (JsonProcessingException e) {
            return new Assembly(false, null);
        }
    }
}
