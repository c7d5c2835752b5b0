package com.emporium.order;

import com.emporium.order.fake.FakeInventory;
import com.emporium.order.fake.FakeUserService;
import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.amqp.TestBroker;
import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.db.TestDatabase;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiRequest;
import com.emporium.test.http.ApiResponse;
import com.emporium.test.net.TcpProxy;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.time.Duration;
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
 * Base of order-service's integration tests: the real service on a random port, on a database and a RabbitMQ
 * vhost of its own on the machine's servers, both reached through proxies a test can cut. user-service and
 * inventory-service are stand-ins inside the JVM ({@link FakeUserService}, {@link FakeInventory}). Every wait is
 * short (the relay polls every 100 ms, a reservation attempt times out after 1 s, retries back off 10–40 ms,
 * the breaker stays open 1 s, the payment-expiry job looks every 200 ms), so nothing waits in real time for
 * long. Every class shares one application context, except where a class says why.
 */
@SpringBootTest(classes = OrderServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OrderServiceIT {

    protected static final Duration PATIENCE = Duration.ofSeconds(20);
    protected static final TestDatabase DATABASE = TestDatabase.shared("order_service");
    protected static final TcpProxy DATABASE_LINK = TcpProxy.to(DATABASE.host(), DATABASE.port());
    protected static final TestBroker BROKER = TestBroker.shared("order-service");
    protected static final TcpProxy BROKER_LINK = TcpProxy.to(BROKER.host(), BROKER.port());
    protected static final FakeUserService USERS = FakeUserService.start();
    protected static final FakeInventory INVENTORY = FakeInventory.start(USERS);
    protected static final String EXCHANGE = "emporium.events";
    protected static final int MAX_PENDING = 5;
    protected static final int ATTEMPTS = 3;
    /** How often a payment event is tried before it is dead-lettered. */
    protected static final int CONSUMER_ATTEMPTS = 3;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    CircuitBreakerRegistry breakers;

    protected ApiClient api;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("emporium.database.url", () -> DATABASE.appUrl(DATABASE_LINK.host(), DATABASE_LINK.port()));
        registry.add("emporium.database.migration-url", DATABASE::ownerUrl);
        registry.add("RABBITMQ_URL", () -> BROKER.url(BROKER_LINK.host(), BROKER_LINK.port()));
        registry.add("RABBITMQ_CONNECT_TIMEOUT", () -> "1s");
        registry.add("JWT_JWKS_URI", USERS::jwksUri);
        registry.add("JWT_ISSUER", () -> FakeUserService.ISSUER);
        registry.add("JWT_AUDIENCE", () -> FakeUserService.AUDIENCE);
        registry.add("emporium.events.relay.poll-interval", () -> "100ms");
        registry.add("emporium.events.relay.backoff-initial", () -> "50ms");
        registry.add("emporium.events.relay.backoff-max", () -> "300ms");
        registry.add("emporium.events.relay.confirm-timeout", () -> "2s");
        registry.add("emporium.events.consumer.max-attempts", () -> CONSUMER_ATTEMPTS);
        registry.add("emporium.events.consumer.retry-initial", () -> "20ms");
        registry.add("emporium.events.consumer.retry-max", () -> "80ms");
        registry.add("emporium.events.consumer.infrastructure-backoff-max", () -> "200ms");
        registry.add("emporium.events.consumer.recovery-interval", () -> "200ms");
        registry.add("emporium.orders.max-pending-per-customer", () -> MAX_PENDING);
        registry.add("emporium.orders.payment-expiry-check", () -> "200ms");
        registry.add("emporium.orders.inventory.url", () -> INVENTORY.base().toString());
        registry.add("emporium.orders.inventory.connect-timeout", () -> "500ms");
        registry.add("emporium.orders.inventory.read-timeout", () -> "1s");
        registry.add("emporium.orders.inventory.retry.max-attempts", () -> ATTEMPTS);
        registry.add("emporium.orders.inventory.retry.initial-backoff", () -> "10ms");
        registry.add("emporium.orders.inventory.retry.max-backoff", () -> "40ms");
        registry.add("emporium.orders.inventory.circuit-breaker.sliding-window-size", () -> 10);
        registry.add("emporium.orders.inventory.circuit-breaker.minimum-calls", () -> 10);
        registry.add("emporium.orders.inventory.circuit-breaker.open-wait", () -> "1s");
        registry.add("emporium.orders.inventory.circuit-breaker.half-open-calls", () -> 1);
        registry.add("emporium.orders.inventory.retry-after", () -> "2s");
        registry.add("emporium.orders.service-token.user-service-url", () -> USERS.base().toString());
        registry.add("emporium.orders.service-token.client-secret", () -> FakeUserService.CLIENT_SECRET);
    }

    @BeforeEach
    void cleanSlate() {
        api = new ApiClient(URI.create("http://127.0.0.1:" + port), ContractRecorder.shared("order-service"));
        INVENTORY.behave();
        // a fault test's failures must not open the breaker for the next test
        breakers.circuitBreaker("inventory-service").reset();
    }

    @AfterEach
    void releaseHeldRequests() {
        INVENTORY.behave();
        USERS.failTokens(false);
    }

    // ---- people and orders

    protected static Person customer() {
        return USERS.customer();
    }

    protected static Person admin() {
        return USERS.admin();
    }

    /** A product in stock at inventory (100 units at 12.50 unless said otherwise). */
    protected static UUID product() {
        return INVENTORY.product("A test product", "12.50", 100);
    }

    protected ApiRequest place(Person person, Map<String, Object> body) {
        return api.post("/api/orders").bearer(person.token()).json(body);
    }

    /** Places one unit of a new product for {@code person}; the new order's id. */
    protected UUID placed(Person person) {
        ApiResponse response = place(person, OrderRequests.of(product(), 1)).send();
        if (response.status() != 201) {
            throw new AssertionError("expected the order to be placed: " + response);
        }
        return UUID.fromString(response.json().get("orderId").asString());
    }

    // ---- what is stored

    protected long ordersOf(Person person) {
        return count("SELECT count(*) FROM orders WHERE customer_id = ?", person.id());
    }

    protected long linesOf(Person person) {
        return count("SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.customer_id = ?",
                person.id());
    }

    /** Events in the outbox about any order of this customer (each payload names its customer). */
    protected long outboxRowsOf(Person person) {
        return count("SELECT count(*) FROM event_outbox WHERE body LIKE ?", "%" + person.id() + "%");
    }

    protected long idempotencyKeysOf(Person person) {
        return count("SELECT count(*) FROM idempotency_keys WHERE customer_id = ?", person.id());
    }

    protected String statusOf(UUID orderId) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE id = ?", String.class, orderId);
    }

    protected long count(String sql, Object... args) {
        Long count = jdbc.queryForObject(sql, Long.class, args);
        return count == null ? 0 : count;
    }
}
