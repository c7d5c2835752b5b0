package com.emporium.gateway.ratelimit;

import com.emporium.gateway.GatewayProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.DelayParameters;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The rate limits' token buckets, kept in Redis with Bucket4j (compare-and-swap), so every gateway replica
 * spends from the same buckets. Each bucket's state is also held here and synchronised with Redis after every
 * {@code RATE_LIMIT_SYNC_EVERY} calls or {@code RATE_LIMIT_SYNC_WITHIN}, whichever comes first (Bucket4j's
 * delaying optimisation): one replica enforces its consumers' limits exactly, and N replicas together can let
 * a consumer through at most N x (sync-every - 1) calls beyond the limit before they learn of each other's
 * spending. It saves a compare-and-swap round trip to Redis on most calls.
 *
 * <p>Redis down or slower than {@code RATE_LIMIT_REDIS_TIMEOUT}: the call goes through (fail open) and
 * {@code emporium.gateway.ratelimit.unavailable} counts it. The edge must stay up when its limiter's store is
 * not; the services' own throttles on logins and registrations fail closed instead.
 */
@Component
public class RateLimitBuckets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RateLimitBuckets.class);

    /** The outcome of one call: let through or not, what is left, and how long until a token is back. */
    public record Verdict(boolean allowed, long remaining, Duration retryAfter) {
        static Verdict failOpen() {
            return new Verdict(true, -1, Duration.ZERO);
        }
    }

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final String keyPrefix;
    private final DelayParameters sync;
    private final Counter unavailable;
    /** One Bucket4j manager per Redis connection; a bucket always uses the same one (by its key's hash). */
    private final AtomicReference<@Nullable List<AsyncProxyManager<String>>> buckets = new AtomicReference<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final Cache<String, AsyncBucketProxy> proxies;
    private volatile long lastWarningNanos;

    public RateLimitBuckets(GatewayProperties properties, MeterRegistry meters) {
        GatewayProperties.RateLimit settings = properties.rateLimit();
        Duration timeout = settings.redisTimeout();
        this.uri = RedisURI.create(settings.redisUrl());
        uri.setTimeout(timeout);
        // after a Redis outage, limits come back within 2 s, not Lettuce's default of up to 30 s
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), Duration.ofSeconds(2), 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder().connectTimeout(Duration.ofSeconds(1)).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        this.keyPrefix = settings.keyPrefix();
        this.sync = new DelayParameters(settings.syncEvery(), settings.syncWithin());
        this.unavailable = Counter.builder("emporium.gateway.ratelimit.unavailable")
                .description("calls let through unlimited because Redis did not answer")
                .register(meters);
        // one proxy object per bucket key, so that concurrent calls on the same bucket batch together
        this.proxies = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(5)).build();
        connect();
    }

    /** Spends one token of the bucket {@code key} (created with {@code configuration} if new). */
    public Mono<Verdict> tryConsume(String key, BucketConfiguration configuration) {
        List<AsyncProxyManager<String>> managers = buckets.get();
        if (managers == null) {
            connect();
            return Mono.just(failOpen(null));
        }
        AsyncBucketProxy bucket = proxies.get(key, k -> managers.get(Math.floorMod(k.hashCode(), managers.size()))
                .builder()
                .withOptimization(Optimizations.delaying(sync))
                .build(keyPrefix + k, () -> CompletableFuture.completedFuture(configuration)));
        return Mono.fromFuture(() -> bucket.tryConsumeAndReturnRemaining(1))
                .map(RateLimitBuckets::verdict)
                .onErrorResume(error -> Mono.just(failOpen(error)));
    }

    private static Verdict verdict(ConsumptionProbe probe) {
        return new Verdict(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    private Verdict failOpen(@Nullable Throwable error) {
        unavailable.increment();
        warn(error);
        return Verdict.failOpen();
    }

    private void warn(@Nullable Throwable error) {
        long now = System.nanoTime();
        if (now - lastWarningNanos > Duration.ofSeconds(10).toNanos()) {
            lastWarningNanos = now;
            log.warn("rate limits not enforced: Redis does not answer ({})",
                    error == null ? "not connected" : error.toString());
        }
    }

    /**
     * Connects in the background; calls meanwhile fail open. Once connected, Lettuce reconnects by itself. One
     * connection per core (at most 4): the rest of a request's handling continues on the thread of the
     * connection that answered its bucket, so a single connection would funnel every request through one thread.
     */
    private void connect() {
        if (buckets.get() != null || !connecting.compareAndSet(false, true)) {
            return;
        }
        int count = Math.clamp(Runtime.getRuntime().availableProcessors(), 1, 4);
        List<CompletableFuture<StatefulRedisConnection<String, byte[]>>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            opening.add(client.connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri)
                    .toCompletableFuture());
        }
        CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new))
                .whenComplete((done, error) -> {
                    if (error == null) {
                        buckets.set(opening.stream().map(CompletableFuture::join)
                                .map(RateLimitBuckets::managerOver).toList());
                    } else {
                        opening.forEach(future -> future.thenAccept(StatefulRedisConnection::close));
                        warn(error);
                        // a later call tries again, at most once a second
                        Mono.delay(Duration.ofSeconds(1)).subscribe(tick -> connecting.set(false));
                        return;
                    }
                    connecting.set(false);
                });
    }

    private static AsyncProxyManager<String> managerOver(StatefulRedisConnection<String, byte[]> connection) {
        return Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build()
                .asAsync();
    }

    @Override
    public void destroy() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown();
    }
}
