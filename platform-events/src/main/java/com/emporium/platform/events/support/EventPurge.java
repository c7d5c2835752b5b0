package com.emporium.platform.events.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.emporium.platform.events.EventsProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes published outbox rows and handled-event records once they are older than their retention, in chunks so
 * that no statement holds many locks. Every instance may run it: deleting what another already deleted is
 * harmless.
 */
public final class EventPurge implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventPurge.class);
    private static final int CHUNK = 5000;

    private final JdbcTemplate jdbc;
    private final EventsProperties.Retention retention;
    private @Nullable ScheduledExecutorService scheduler;

    public EventPurge(JdbcTemplate jdbc, EventsProperties properties) {
        this.jdbc = jdbc;
        this.retention = properties.retention();
    }

    /** @return how many rows were deleted */
    public long purgeOnce() {
        long sent = deleteOlder("""
                DELETE FROM event_outbox WHERE position IN (SELECT position FROM event_outbox
                WHERE sent_at < now() - make_interval(secs => ?) LIMIT ?)""", retention.sent());
        long handled = deleteOlder("""
                DELETE FROM event_inbox WHERE (subscription, event_id) IN (SELECT subscription, event_id
                FROM event_inbox WHERE handled_at < now() - make_interval(secs => ?) LIMIT ?)""", retention.handled());
        return sent + handled;
    }

    private long deleteOlder(String sql, Duration age) {
        long total = 0;
        int deleted;
        do {
            deleted = jdbc.update(sql, age.toMillis() / 1000.0, CHUNK);
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }

    private void purgeQuietly() {
        try {
            long deleted = purgeOnce();
            if (deleted > 0) {
                log.debug("Purged {} published events and handled-event records", deleted);
            }
        } catch (RuntimeException ex) {
            log.warn("Cannot purge old events now; trying again later: {}", ex.toString());
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("event-purge").daemon().factory());
        long every = retention.purgeInterval().toMillis();
        executor.scheduleWithFixedDelay(this::purgeQuietly, every, every, TimeUnit.MILLISECONDS);
        scheduler = executor;
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
