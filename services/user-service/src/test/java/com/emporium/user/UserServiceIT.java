package com.emporium.user;

import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.db.TestDatabase;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiRequest;
import com.emporium.test.net.TcpProxy;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of user-service's integration tests: the real service on a random port, on a database of its own on
 * the machine's PostgreSQL, and the machine's Redis under a key prefix of its own; both are reached through
 * proxies the suite can cut. Every class shares one application context. Each test speaks from an address of its
 * own (through {@code X-Forwarded-For}, which the service believes from loopback, as it will from the
 * gateway), so the per-address throttles of one test do not touch another.
 */
@SpringBootTest(classes = UserServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // strict reuse detection (no grace) is what most suites check; RefreshReuseGraceIT checks the grace
        properties = "emporium.user.tokens.refresh-reuse-grace=0s")
public abstract class UserServiceIT {

    protected static final TestDatabase DATABASE = TestDatabase.shared("user_service");
    protected static final TcpProxy DATABASE_LINK = TcpProxy.to(DATABASE.host(), DATABASE.port());
    protected static final TcpProxy REDIS_LINK = TcpProxy.to("127.0.0.1", 6379);
    protected static final String ADMIN_EMAIL = "admin@it.emporium.test";
    protected static final String ADMIN_PASSWORD = "it-admin-password-" + UUID.randomUUID();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @LocalServerPort
    protected int port;

    protected ApiClient api;
    protected String clientAddress;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("emporium.database.url", () -> DATABASE.appUrl(DATABASE_LINK.host(), DATABASE_LINK.port()));
        registry.add("emporium.database.migration-url", DATABASE::ownerUrl);
        registry.add("emporium.user.throttle.redis-url", () -> "redis://" + REDIS_LINK.host() + ":" + REDIS_LINK.port());
        registry.add("emporium.user.throttle.key-prefix", () -> "it:" + DATABASE.name() + ":");
        registry.add("emporium.user.admin.email", () -> ADMIN_EMAIL);
        registry.add("emporium.user.admin.password", () -> ADMIN_PASSWORD);
        registry.add("emporium.user.tokens.key-cache-refresh", () -> "1s");
        // the suite plays the gateway: X-Forwarded-For from loopback is believed (never by default)
        registry.add("server.tomcat.remoteip.internal-proxies", () -> "127\\.0\\.0\\.1");
    }

    @BeforeEach
    void client() {
        api = new ApiClient(URI.create("http://127.0.0.1:" + port), ContractRecorder.shared("user-service"));
        int n = ADDRESSES.incrementAndGet();
        clientAddress = "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    /** A request from this test's own client address. */
    protected ApiRequest post(String path) {
        return api.post(path).header("X-Forwarded-For", clientAddress);
    }

    protected ApiRequest get(String path) {
        return api.get(path).header("X-Forwarded-For", clientAddress);
    }

    protected ApiRequest put(String path) {
        return api.put(path).header("X-Forwarded-For", clientAddress);
    }
}
