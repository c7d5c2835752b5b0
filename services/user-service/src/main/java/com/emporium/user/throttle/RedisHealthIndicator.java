package com.emporium.user.throttle;

import io.lettuce.core.RedisException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** {@code redis} in /health/ready: the throttles, and with them logins, need Redis. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

    private final RedisConnection redis;

    RedisHealthIndicator(RedisConnection redis) {
        super("Redis health check failed");
        this.redis = redis;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        try {
            String pong = redis.get().sync().ping();
            builder.up().withDetail("ping", pong);
        } catch (RedisException ex) {
            builder.down();
        }
    }
}
