package com.emporium.platform.events.consumer;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Tells a failure of the infrastructure (the database is down) from a failure of the event or its handler. */
final class Failures {

    private Failures() {
    }

    /**
     * Whether {@code failure} says the database could not be reached or the transaction could not complete, which
     * no attempt at this message could fix: such failures are retried until the database answers, never counted
     * against the message. Lock conflicts and timeouts are not among them: they count as attempts, so a handler
     * that always conflicts ends in the dead-letter queue instead of looping forever.
     *
     * <p>Not reaching the database at all is always infrastructure. Otherwise the database's own SQLSTATE decides:
     * a lost connection ({@code 08}), insufficient resources ({@code 53}) or a server shutting down ({@code 57P}).
     * Spring also reports PostgreSQL's "program limit exceeded" ({@code 54}: an index row or a statement too large
     * for this one message) as a resource failure; waiting cannot fix that, so it counts as an attempt. Only a
     * resource failure with no SQLSTATE to read is taken at its word.
     */
    static boolean isInfrastructure(Throwable failure) {
        boolean resourceFailure = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof RecoverableDataAccessException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return isUnreachable(sql.getSQLState());
            }
            resourceFailure |= cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransactionSystemException;
            if (cause.getCause() == cause) {
                break;
            }
        }
        return resourceFailure;
    }

    private static boolean isUnreachable(String sqlState) {
        return sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57P");
    }
}
