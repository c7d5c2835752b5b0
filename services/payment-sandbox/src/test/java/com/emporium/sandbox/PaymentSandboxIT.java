package com.emporium.sandbox;

import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.db.TestDatabase;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiRequest;
import com.emporium.test.http.ApiResponse;
import com.emporium.test.net.TcpProxy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the sandbox's integration tests: the real sandbox on a random port, on a database of the suite's own
 * reached through a proxy the suite can cut. Every class shares one application context. The timeout card waits
 * one second here, not thirty.
 */
@SpringBootTest(classes = PaymentSandboxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PaymentSandboxIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final TestDatabase DATABASE = TestDatabase.shared("payment_sandbox");
    static final TcpProxy DATABASE_LINK = TcpProxy.to(DATABASE.host(), DATABASE.port());
    static final String SECRET_KEY = "sk_test_" + UUID.randomUUID();
    static final Duration SLOW_DELAY = Duration.ofSeconds(1);
    static final String ALLOWED_ORIGIN = "http://localhost:3000";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    /** The sandbox's settings in this suite; {@code RestartIT} starts instances of its own with the same. */
    protected static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("emporium.database.url", DATABASE.appUrl(DATABASE_LINK.host(), DATABASE_LINK.port()));
        settings.put("emporium.database.migration-url", DATABASE.ownerUrl());
        settings.put("SANDBOX_SECRET_KEY", SECRET_KEY);
        settings.put("SANDBOX_SLOW_DELAY", SLOW_DELAY.toMillis() + "ms");
        settings.put("SANDBOX_ALLOWED_ORIGINS", ALLOWED_ORIGIN + ",http://127.0.0.1:3000");
        return settings;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void client() {
        api = ApiClient.local(port, ContractRecorder.shared("payment-sandbox"));
    }

    /** A request with the secret key. */
    protected ApiRequest merchant(ApiRequest request) {
        return request.bearer(SECRET_KEY);
    }

    /** Charges a token with a fresh key and reference. */
    protected ApiResponse chargeOf(String token, String amount) {
        return charge(UUID.randomUUID().toString(), Charges.request(token, amount, "ref-" + UUID.randomUUID()));
    }

    protected ApiResponse charge(String key, String body) {
        return merchant(api.post("/v1/charges")).header("Idempotency-Key", key).json(body).send();
    }

    protected ApiResponse refund(String key, String body) {
        return merchant(api.post("/v1/refunds")).header("Idempotency-Key", key).json(body).send();
    }

    protected long chargeRows(String idempotencyKey) {
        return jdbc.queryForObject("SELECT count(*) FROM charges WHERE idempotency_key = ?", Long.class,
                idempotencyKey);
    }
}
