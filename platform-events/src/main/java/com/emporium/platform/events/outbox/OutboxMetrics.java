package com.emporium.platform.events.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's backlog, read from the table when a scrape asks: how many events wait to be confirmed by the
 * broker ({@code emporium_events_outbox_pending}) and how long the oldest of them has waited
 * ({@code emporium_events_outbox_oldest_age_seconds}, 0 when none waits). Both come from one query on the partial
 * index of unsent rows, kept for a second so that one scrape costs one query; the relay's health does not matter,
 * so a stuck relay shows as a growing age. When the database does not answer the gauges read NaN, not an error.
 */
public final class OutboxMetrics implements MeterBinder {

    private static final String BACKLOG = """
            SELECT count(*) AS pending,
                   (SELECT occurred_at FROM event_outbox WHERE sent_at IS NULL ORDER BY position LIMIT 1) AS oldest
            FROM event_outbox WHERE sent_at IS NULL""";

    private static final Duration FRESH_FOR = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private volatile @Nullable Backlog last;

    private record Backlog(double pending, double oldestAgeSeconds, Instant readAt) {
    }

    public OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("emporium.events.outbox.pending", this, metrics -> metrics.backlog().pending())
                .description("Events recorded and not yet confirmed by the broker").register(registry);
        Gauge.builder("emporium.events.outbox.oldest.age", this, metrics -> metrics.backlog().oldestAgeSeconds())
                .description("How long the oldest event not yet confirmed by the broker has waited (0: none waits)")
                .baseUnit("seconds").register(registry);
    }

    private Backlog backlog() {
        Instant now = clock.instant();
        Backlog current = last;
        if (current != null && current.readAt().plus(FRESH_FOR).isAfter(now)) {
            return current;
        }
        Backlog read;
        try {
            read = jdbc.queryForObject(BACKLOG, (rs, n) -> {
                Timestamp oldest = rs.getTimestamp("oldest");
                double age = oldest == null ? 0.0
                        : Math.max(0.0, Duration.between(oldest.toInstant(), now).toNanos() / 1e9);
                return new Backlog(rs.getLong("pending"), age, now);
            });
        } catch (RuntimeException ex) {
            read = new Backlog(Double.NaN, Double.NaN, now);
        }
        last = read;
        return read == null ? new Backlog(Double.NaN, Double.NaN, now) : read;
    }
}
