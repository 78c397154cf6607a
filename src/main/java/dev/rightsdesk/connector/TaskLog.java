package dev.rightsdesk.connector;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * The workers' durable record of the tasks they handled ({@code connector_task_log}, V50): what makes a worker
 * idempotent per task id and lets a command in progress survive a restart. Plain JDBC on its own table, in short
 * transactions of its own: never a transaction held open while an engine works.
 */
@ApplicationScoped
public class TaskLog {

    /** Where a task stands for the worker. */
    public enum State { IN_PROGRESS, DONE }

    /** One row. {@code result} is the final result's data as sent, without any answer, or null. */
    public record Entry(UUID taskId, State state, int attempt, String commandId, String outcome, boolean retryable,
            String result, int executions) {

        /** True when the task got an answer that will not change by doing the work again. */
        public boolean finallyAnswered() {
            return state == State.DONE && outcome != null && !("FAILED".equals(outcome) && retryable);
        }
    }

    private final AgroalDataSource db;
    private final Clock clock;

    public TaskLog(AgroalDataSource db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Optional<Entry> find(UUID taskId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT state, attempt, command_id, outcome, retryable, result_json, executions"
                        + " FROM connector_task_log WHERE task_id = ?")) {
            s.setObject(1, taskId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Entry(taskId, State.valueOf(rs.getString(1)), rs.getInt(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getInt(7)));
            }
        }
    }

    /** Records that the worker starts (or starts again) on the task, for the command {@code commandId}. */
    public void begin(UUID taskId, String systemKey, UUID ticketId, String action, int attempt, String commandId)
            throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO connector_task_log (task_id, system_key, ticket_id, action, state, attempt, command_id,"
                        + " executions, started_at, updated_at) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, 1, ?, ?)"
                        + " ON CONFLICT (task_id) DO UPDATE SET state = 'IN_PROGRESS', attempt = excluded.attempt,"
                        + " command_id = excluded.command_id, outcome = NULL, retryable = false,"
                        + " executions = connector_task_log.executions + 1, started_at = excluded.started_at,"
                        + " finished_at = NULL, updated_at = excluded.updated_at")) {
            s.setObject(1, taskId);
            s.setString(2, systemKey);
            s.setObject(3, ticketId);
            s.setString(4, action);
            s.setInt(5, attempt);
            s.setString(6, commandId);
            s.setTimestamp(7, now);
            s.setTimestamp(8, now);
            s.executeUpdate();
        }
    }

    /** Records the final result sent for the command {@code commandId} (after the broker acknowledged it). */
    public void done(UUID taskId, String commandId, int attempt, String outcome, boolean retryable, String result)
            throws SQLException {
        Timestamp now = Timestamp.from(clock.instant());
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE connector_task_log SET state = 'DONE', command_id = ?, attempt = ?, outcome = ?, retryable = ?,"
                        + " result_json = ?, finished_at = ?, updated_at = ? WHERE task_id = ?")) {
            s.setString(1, commandId);
            s.setInt(2, attempt);
            s.setString(3, outcome);
            s.setBoolean(4, retryable);
            s.setString(5, result);
            s.setTimestamp(6, now);
            s.setTimestamp(7, now);
            s.setObject(8, taskId);
            s.executeUpdate();
        }
    }
}
