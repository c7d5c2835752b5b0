package com.emporium.user.throttle;

import com.emporium.user.UserServiceProperties;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One Lettuce connection to Redis for the throttles' buckets (Bucket4j, compare-and-swap). Lettuce
 * reconnects by itself; commands time out quickly so a Redis outage answers 503 instead of hanging.
 */
@Configuration(proxyBeanMethods = false)
class RedisThrottleConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient throttleRedisClient(UserServiceProperties properties) {
        Duration timeout = properties.throttle().redisTimeout();
        RedisURI uri = RedisURI.create(properties.throttle().redisUrl());
        uri.setTimeout(timeout);
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }

    /** Connected lazily, so that the service starts (not ready) while Redis is down. */
    @Bean
    RedisConnection throttleRedisConnection(RedisClient client, UserServiceProperties properties) {
        return new RedisConnection(() -> client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)),
                properties.throttle().redisTimeout());
    }
}
