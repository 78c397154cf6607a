package dev.rightsdesk.platform.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Server-side record of staff sessions of form sign-in, in PostgreSQL so that a sign-out holds on every replica.
 * The browser holds a random token ({@value #COOKIE}); the table holds only its SHA-256. A session is valid while
 * its row exists, was used within the idle timeout and is younger than the absolute timeout.
 */
@ApplicationScoped
public class StaffSessions {

    /** The cookie that carries the session token next to Quarkus' encrypted sign-in cookie. */
    public static final String COOKIE = "rightsdesk-session";

    private static final Logger LOG = Logger.getLogger(StaffSessions.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final SessionConfig config;

    public StaffSessions(DataSource dataSource, SessionConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Opens a session for {@code username}; returns the token for the cookie (never logged, never stored). */
    public String open(String username) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO staff_session (token_hash, username, created_at, last_seen_at) VALUES (?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            insert.setBytes(1, hash(token));
            insert.setString(2, username);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open a staff session", e);
        }
        return token;
    }

    /**
     * The user of a valid session, after noting its use; empty when the token is unknown, signed out, idle too long
     * or too old.
     */
    public Optional<String> validate(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        byte[] hash = hash(token);
        try (Connection c = dataSource.getConnection()) {
            String user;
            Instant lastSeen;
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT username, last_seen_at FROM staff_session WHERE token_hash = ? AND last_seen_at > ? AND created_at > ?")) {
                select.setBytes(1, hash);
                select.setTimestamp(2, Timestamp.from(now.minus(config.idleTimeout())));
                select.setTimestamp(3, Timestamp.from(now.minus(config.absoluteTimeout())));
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    user = rs.getString(1);
                    lastSeen = rs.getTimestamp(2).toInstant();
                }
            }
            if (lastSeen.isBefore(now.minus(config.touchInterval()))) {
                try (PreparedStatement touch = c.prepareStatement(
                        "UPDATE staff_session SET last_seen_at = ? WHERE token_hash = ?")) {
                    touch.setTimestamp(1, Timestamp.from(now));
                    touch.setBytes(2, hash);
                    touch.executeUpdate();
                }
            }
            return Optional.of(user);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check a staff session", e);
        }
    }

    /** Ends the session of this token (sign-out); a no-op for an unknown token. */
    public void revoke(String token) {
        if (token == null || token.isBlank()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement("DELETE FROM staff_session WHERE token_hash = ?")) {
            delete.setBytes(1, hash(token));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not end a staff session", e);
        }
    }

    /** Drops sessions that can no longer be used; every replica may run it, a delete twice does no harm. */
    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        // every-replica: deleting rows that no replica accepts any more is idempotent; two replicas at once do no harm
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection();
                PreparedStatement delete = c.prepareStatement(
                        "DELETE FROM staff_session WHERE last_seen_at <= ? OR created_at <= ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(config.idleTimeout())));
            delete.setTimestamp(2, Timestamp.from(now.minus(config.absoluteTimeout())));
            int gone = delete.executeUpdate();
            if (gone > 0) {
                LOG.debugf("Purged %d ended staff sessions", gone);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not purge ended staff sessions (%s); next run tries again", e.getSQLState());
        }
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
