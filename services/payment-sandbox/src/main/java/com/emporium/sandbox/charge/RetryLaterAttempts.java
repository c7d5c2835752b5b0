package com.emporium.sandbox.charge;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts the attempts of each {@code Idempotency-Key} at the retry-later card; the count survives restarts. */
@Repository
class RetryLaterAttempts {

    private final JdbcClient jdbc;

    RetryLaterAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records one more attempt of the key and says how many there have been, this one included. */
    int record(String idempotencyKey, Instant at) {
        return jdbc.sql("""
                INSERT INTO retry_later_attempts (idempotency_key, attempts, last_attempt_at) VALUES (:key, 1, :at)
                ON CONFLICT (idempotency_key)
                DO UPDATE SET attempts = retry_later_attempts.attempts + 1, last_attempt_at = EXCLUDED.last_attempt_at
                RETURNING attempts
                """)
                .param("key", idempotencyKey).param("at", Timestamp.from(at))
                .query(Integer.class).single();
    }
}
