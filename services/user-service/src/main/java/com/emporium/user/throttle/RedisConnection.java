package com.emporium.user.throttle;

import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The throttles' Redis connection, opened on first use rather than at start-up, so that the service starts
 * (and reports itself not ready) while Redis is down. Once open, Lettuce reconnects by itself.
 */
final class RedisConnection implements AutoCloseable {

    private final Supplier<StatefulRedisConnection<String, byte[]>> connector;
    private final Duration failFastFor;
    private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
    private volatile long lastFailureNanos;
    private volatile boolean failedBefore;

    /** @param failFastFor after a failed attempt, callers fail at once for this long instead of each waiting */
    RedisConnection(Supplier<StatefulRedisConnection<String, byte[]>> connector, Duration failFastFor) {
        this.connector = connector;
        this.failFastFor = failFastFor;
    }

    /** The open connection; throws Lettuce's {@code RedisException} while Redis cannot be reached. */
    StatefulRedisConnection<String, byte[]> get() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            return open;
        }
        synchronized (this) {
            open = connection;
            if (open != null) {
                return open;
            }
            if (failedBefore && System.nanoTime() - lastFailureNanos < failFastFor.toNanos()) {
                throw new RedisConnectionException("Redis was unreachable moments ago; not trying again yet");
            }
            try {
                open = connector.get();
            } catch (RuntimeException ex) {
                failedBefore = true;
                lastFailureNanos = System.nanoTime();
                throw ex;
            }
            connection = open;
            return open;
        }
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
    }
}
