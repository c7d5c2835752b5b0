package com.emporium.gateway;

import com.emporium.test.http.ApiClient;
import com.emporium.test.net.TcpProxy;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway on a random port in front of {@link Upstream} (users and inventory directly, orders through a
 * {@link TcpProxy} a test can cut), with payments pointing at a port where nothing listens (a service not built
 * yet), the machine's Redis behind another proxy under a key prefix of its own, and windows shortened so nothing
 * waits: a rate-limit period of an hour (no refill during a test), a 1.5 s response timeout, a breaker open
 * for 1 s. Loopback is the trusted proxy, so each test can present its own client address.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "GATEWAY_TRUSTED_PROXIES=127\\.0\\.0\\.1")
abstract class GatewayTestBase {

    static final Upstream UPSTREAM = new Upstream();
    static final Tokens TOKENS = new Tokens();
    static final TcpProxy ORDERS = TcpProxy.to("127.0.0.1", UPSTREAM.port());
    static final TcpProxy REDIS = TcpProxy.to("127.0.0.1", 6379);
    static final String KEY_PREFIX = "emporium:it:gateway:" + UUID.randomUUID() + ":";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    static {
        UPSTREAM.publishKeys(TOKENS.jwks());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RedisKeys.deleteWithPrefix(KEY_PREFIX)));
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("USER_SERVICE_URL", UPSTREAM::url);
        registry.add("INVENTORY_SERVICE_URL", UPSTREAM::url);
        registry.add("ORDER_SERVICE_URL", () -> "http://127.0.0.1:" + ORDERS.port());
        registry.add("PAYMENT_SERVICE_URL", () -> "http://127.0.0.1:" + Ports.closed());
        registry.add("JWT_JWKS_URI", () -> UPSTREAM.url() + "/.well-known/jwks.json");
        registry.add("JWKS_REFETCH_MIN_INTERVAL", () -> "1s");
        registry.add("REDIS_URL", () -> "redis://127.0.0.1:" + REDIS.port());
        registry.add("RATE_LIMIT_KEY_PREFIX", () -> KEY_PREFIX);
        registry.add("RATE_LIMIT_PERIOD", () -> "1h");
        registry.add("UPSTREAM_RESPONSE_TIMEOUT", () -> "1500ms");
        registry.add("BREAKER_OPEN_FOR", () -> "1s");
        registry.add("BREAKER_MINIMUM_CALLS", () -> "5");
        registry.add("MAX_BODY_SIZE", () -> "1KB");
    }

    ApiClient gateway() {
        return ApiClient.unchecked(URI.create("http://127.0.0.1:" + port));
    }

    /** A client address no other test uses (TEST-NET-3), as a load balancer in front would report it. */
    static String newClientAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (1 + n % 250);
    }
}
