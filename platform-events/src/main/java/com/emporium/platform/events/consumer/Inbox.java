package com.emporium.platform.events.consumer;

import java.sql.SQLException;
import java.util.UUID;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The events a subscription has handled, claimed in the transaction of the handler's effect. */
final class Inbox {

    private static final String IN_FAILED_TRANSACTION = "25P02";

    private final JdbcTemplate jdbc;

    Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code eventId} as handled by {@code subscription}.
     *
     * @return false when it already was: the event is a duplicate and must have no second effect
     */
    boolean claim(String subscription, UUID eventId) {
        return jdbc.update("""
                INSERT INTO event_inbox (subscription, event_id, handled_at) VALUES (?, ?, now())
                ON CONFLICT DO NOTHING""", subscription, eventId) == 1;
    }

    /**
     * Whether the transaction can still commit. After an error PostgreSQL refuses every further statement of the
     * transaction and turns its COMMIT into a rollback that the JDBC driver does not report: a handler that caught a
     * database error and returned would have its message acknowledged with neither its effect nor its inbox claim.
     */
    boolean canCommit() {
        try {
            jdbc.queryForObject("SELECT 1", Integer.class);
            return true;
        } catch (DataAccessException ex) {
            if (inFailedTransaction(ex)) {
                return false;
            }
            throw ex;
        }
    }

    private static boolean inFailedTransaction(Throwable failure) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return IN_FAILED_TRANSACTION.equals(sql.getSQLState());
            }
        }
        return false;
    }
}
