package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.emporium.platform.events.outbox.OutboxMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox's backlog gauges read the real table. The rows are written and read in one transaction that rolls
 * back, so the running relay never sees (nor publishes) them.
 */
class OutboxMetricsIT extends EventsTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void reportsTheBacklogAndTheAgeOfItsOldestEvent() {
        Instant oldest = Instant.now().truncatedTo(ChronoUnit.MICROS).minusSeconds(90);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new OutboxMetrics(jdbc, Clock.fixed(oldest.plusSeconds(90), ZoneOffset.UTC)).bindTo(registry);

        transactions.executeWithoutResult(status -> {
            sendEverythingCommitted();
            insertUnsent(oldest);
            insertUnsent(oldest.plusSeconds(30));

            assertThat(registry.get("emporium.events.outbox.pending").gauge().value()).isEqualTo(2.0);
            assertThat(registry.get("emporium.events.outbox.oldest.age").gauge().value()).isEqualTo(90.0);
            assertThat(registry.get("emporium.events.outbox.oldest.age").gauge().getId().getBaseUnit())
                    .isEqualTo("seconds");
            status.setRollbackOnly();
        });
    }

    @Test
    void reportsNoAgeWhenNothingWaits() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new OutboxMetrics(jdbc, Clock.systemUTC()).bindTo(registry);

        transactions.executeWithoutResult(status -> {
            sendEverythingCommitted();

            assertThat(registry.get("emporium.events.outbox.pending").gauge().value()).isZero();
            assertThat(registry.get("emporium.events.outbox.oldest.age").gauge().value()).isZero();
            status.setRollbackOnly();
        });
    }

    /** Within this transaction only: whatever other tests left unsent counts as sent. */
    private void sendEverythingCommitted() {
        jdbc.update("UPDATE event_outbox SET sent_at = now() WHERE sent_at IS NULL");
    }

    private void insertUnsent(Instant occurredAt) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                INSERT INTO event_outbox (event_id, event_type, routing_key, aggregate_id, occurred_at, body, headers)
                VALUES (?, 'DepositMade', 'sample.deposit-made', ?, ?, '{}', '{}'::jsonb)""",
                id, "metrics-" + id, Timestamp.from(occurredAt));
    }
}
