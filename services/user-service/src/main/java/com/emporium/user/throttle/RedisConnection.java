package com.emporium.user.throttle;

import io.lettuce.core.api.StatefulRedisConnection;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The throttles' Redis connection, opened on first use rather than at start-up, so that the service starts
 * (and reports itself not ready) while Redis is down. Once open, Lettuce reconnects by itself.
 */
final class RedisConnection implements AutoCloseable {

    private final Supplier<StatefulRedisConnection<String, byte[]>> connector;
    private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;

    RedisConnection(Supplier<StatefulRedisConnection<String, byte[]>> connector) {
        this.connector = connector;
    }

    /** The open connection; throws Lettuce's {@code RedisException} while Redis cannot be reached. */
    StatefulRedisConnection<String, byte[]> get() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open == null) {
            synchronized (this) {
                open = connection;
                if (open == null) {
                    open = connector.get();
                    connection = open;
                }
            }
        }
        return open;
    }

    @Override
    public void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
    }
}
