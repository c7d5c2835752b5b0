package com.emporium.platform.events.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailuresTest {

    @Test
    void anUnreachableDatabaseIsInfrastructureWhereverItIsWrapped() {
        assertThat(Failures.isInfrastructure(new CannotCreateTransactionException("no connection"))).isTrue();
        assertThat(Failures.isInfrastructure(new HandlerFailed(0, new CannotGetJdbcConnectionException("down",
                new SQLTransientConnectionException("timeout"))))).isTrue();
        assertThat(Failures.isInfrastructure(new RuntimeException(new SQLException("gone", "08006")))).isTrue();
    }

    @Test
    void aFailureOfTheHandlerOrTheEventCountsAsAnAttempt() {
        assertThat(Failures.isInfrastructure(new HandlerFailed(2, new IllegalStateException("bug")))).isFalse();
        assertThat(Failures.isInfrastructure(new DataIntegrityViolationException("duplicate key"))).isFalse();
        assertThat(Failures.isInfrastructure(new CannotAcquireLockException("deadlock")))
                .as("a lock conflict that repeats forever must end in the dead letters").isFalse();
    }

    @Test
    void aStatementBeyondTheDatabasesLimitsCountsAsAnAttempt() {
        // Spring reports SQLSTATE class 54 as a resource failure, but this message would fail the same way forever
        SQLException tooLarge = new SQLException("index row size 3000 exceeds btree version 4 maximum 2704", "54000");

        boolean infrastructure = Failures.isInfrastructure(
                new HandlerFailed(0, new DataAccessResourceFailureException("insert", tooLarge)));

        assertThat(infrastructure).as("a message that can never be handled must end in the dead letters").isFalse();
    }

    @Test
    void aServerShuttingDownOrOutOfResourcesIsInfrastructure() {
        assertThat(Failures.isInfrastructure(new DataAccessResourceFailureException("terminated",
                new SQLException("terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(Failures.isInfrastructure(new DataAccessResourceFailureException("disk full",
                new SQLException("could not extend file", "53100")))).isTrue();
        assertThat(Failures.isInfrastructure(new DataAccessResourceFailureException("closed"))).isTrue();
    }
}
