package com.emporium.payment;

import com.emporium.payment.fake.FakeOrderService;
import com.emporium.payment.fake.FakeSandbox;
import com.emporium.payment.fake.FakeUserService;
import com.emporium.test.amqp.TestBroker;
import com.emporium.test.auth.TestTokens;
import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.db.TestDatabase;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiRequest;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of payment-service's integration tests: the real service on a random port, on a database and a RabbitMQ
 * vhost of its own, with user-service, order-service and the payment provider as stand-ins on random ports. Every
 * wait is short (a charge's answer is awaited 400 ms, retries 20 ms apart within a budget of 1 s, the breaker stays
 * open 1 s, the resolver looks every 100 ms at payments older than 500 ms and gives up after 1.5 s), so nothing waits
 * long. Every class shares one application context.
 */
@SpringBootTest(classes = PaymentServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PaymentServiceIT {

    protected static final Duration PATIENCE = Duration.ofSeconds(20);
    protected static final TestDatabase DATABASE = TestDatabase.shared("payment_service");
    protected static final TestBroker BROKER = TestBroker.shared("payment-service");
    protected static final TestTokens TOKENS = TestTokens.shared();
    protected static final FakeUserService USERS = FakeUserService.start();
    protected static final FakeOrderService ORDERS = FakeOrderService.start(USERS);
    protected static final FakeSandbox SANDBOX = FakeSandbox.start();
    protected static final String EXCHANGE = "emporium.events";
    protected static final Duration READ_TIMEOUT = Duration.ofMillis(400);
    protected static final int BREAKER_CALLS = 4;
    protected static final int MAX_REFUND_REJECTIONS = 2;
    /** A charge's attempts and waits together; an attempt is at most 600 ms (connection 200 ms, answer 400 ms). */
    protected static final Duration CHARGE_BUDGET = Duration.ofSeconds(1);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    CircuitBreakerRegistry breakers;

    protected ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("emporium.database.url", DATABASE::appUrl);
        registry.add("emporium.database.migration-url", DATABASE::ownerUrl);
        registry.add("RABBITMQ_URL", () -> BROKER.url(BROKER.host(), BROKER.port()));
        registry.add("RABBITMQ_CONNECT_TIMEOUT", () -> "1s");
        registry.add("JWT_JWKS_URI", TOKENS::jwksUri);
        registry.add("JWT_ISSUER", () -> TestTokens.ISSUER);
        registry.add("JWT_AUDIENCE", () -> TestTokens.AUDIENCE);
        registry.add("emporium.events.relay.poll-interval", () -> "100ms");
        registry.add("emporium.events.relay.backoff-max", () -> "300ms");
        registry.add("emporium.events.consumer.max-attempts", () -> 3);
        registry.add("emporium.events.consumer.retry-initial", () -> "20ms");
        registry.add("emporium.events.consumer.retry-max", () -> "80ms");
        registry.add("emporium.events.consumer.recovery-interval", () -> "200ms");
        registry.add("emporium.payments.order-service.url", () -> ORDERS.base().toString());
        registry.add("emporium.payments.order-service.read-timeout", () -> "1s");
        registry.add("emporium.payments.order-service.retry-after", () -> "2s");
        registry.add("emporium.payments.service-token.user-service-url", () -> USERS.base().toString());
        registry.add("emporium.payments.service-token.client-secret", () -> FakeUserService.CLIENT_SECRET);
        registry.add("emporium.payments.sandbox.url", () -> SANDBOX.base().toString());
        registry.add("emporium.payments.sandbox.secret-key", () -> FakeSandbox.SECRET_KEY);
        registry.add("emporium.payments.sandbox.connect-timeout", () -> "200ms");
        registry.add("emporium.payments.sandbox.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
        registry.add("emporium.payments.sandbox.charge-budget", () -> CHARGE_BUDGET.toMillis() + "ms");
        registry.add("emporium.payments.sandbox.retry.max-attempts", () -> 3);
        registry.add("emporium.payments.sandbox.retry.backoff", () -> "20ms");
        registry.add("emporium.payments.sandbox.retry.max-retry-after", () -> "50ms");
        registry.add("emporium.payments.sandbox.circuit-breaker.sliding-window-size", () -> BREAKER_CALLS);
        registry.add("emporium.payments.sandbox.circuit-breaker.minimum-calls", () -> BREAKER_CALLS);
        registry.add("emporium.payments.sandbox.circuit-breaker.open-wait", () -> "1s");
        registry.add("emporium.payments.sandbox.circuit-breaker.half-open-calls", () -> 1);
        registry.add("emporium.payments.sandbox.retry-after", () -> "2s");
        registry.add("emporium.payments.resolver.after", () -> "500ms");
        registry.add("emporium.payments.resolver.check", () -> "100ms");
        registry.add("emporium.payments.resolver.abandon-after", () -> "1500ms");
        registry.add("emporium.payments.refunds.check", () -> "200ms");
        registry.add("emporium.payments.refunds.lease", () -> "2s");
        registry.add("emporium.payments.refunds.max-rejections", () -> MAX_REFUND_REJECTIONS);
    }

    @BeforeEach
    void cleanSlate() {
        api = ApiClient.local(port, ContractRecorder.shared("payment-service"));
        SANDBOX.behave();
        ORDERS.behave();
        breakers.circuitBreaker("payment-provider").reset();
    }

    @AfterEach
    void behave() {
        SANDBOX.behave();
        ORDERS.behave();
    }

    // ---- people and orders

    /** A customer: an account id and an access token naming it. */
    protected record Person(UUID id, String token) {
    }

    protected static Person customer() {
        UUID id = UUID.randomUUID();
        return new Person(id, TOKENS.forSubject(id.toString(), "customer"));
    }

    protected static String admin() {
        return TOKENS.forSubject(UUID.randomUUID().toString(), "customer", "admin");
    }

    /** A pending order of 25.00 owned by {@code person}, due in 15 minutes, known to order-service only. */
    protected static UUID order(Person person) {
        return ORDERS.order(person.id(), "25.00", "pending", Instant.now().plus(Duration.ofMinutes(15)));
    }

    protected ApiRequest pay(Person person, UUID orderId, String token, String key) {
        return pay(person, Map.of("orderId", orderId, "paymentToken", token), key);
    }

    protected ApiRequest pay(Person person, Map<String, Object> body, String key) {
        return api.post("/api/payments").bearer(person.token()).header("Idempotency-Key", key).json(body);
    }

    protected static String key() {
        return UUID.randomUUID().toString();
    }

    // ---- what is stored

    protected long paymentsOf(UUID orderId) {
        return count("SELECT count(*) FROM payments WHERE order_id = ?", orderId);
    }

    protected String statusOf(UUID paymentId) {
        return jdbc.queryForObject("SELECT status FROM payments WHERE id = ?", String.class, paymentId);
    }

    protected long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
