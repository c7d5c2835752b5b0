package com.emporium.inventory;

import com.emporium.test.auth.TestTokens;
import static org.awaitility.Awaitility.await;

import com.emporium.test.amqp.TestBroker;
import com.emporium.test.contract.ContractRecorder;
import com.emporium.test.db.TestDatabase;
import com.emporium.test.http.ApiClient;
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
 * Base of inventory-service's integration tests: the real service on a random port, on a database and a RabbitMQ
 * vhost of the suite's own, each reached through a proxy the suite can cut. Every class shares one application
 * context, started with the demo catalog on its empty database. Every wait is seconds or less: the consumer retries
 * after 20–80 ms, three attempts, and reconnects after 200 ms; the expiry job looks every 200 ms (a reservation
 * here holds for the default 30 minutes; {@code ReservationExpiryIT} shortens it in a context of its own).
 */
@SpringBootTest(classes = InventoryServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class InventoryServiceIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final TestDatabase DATABASE = TestDatabase.shared("inventory_service");
    static final TcpProxy DATABASE_LINK = TcpProxy.to(DATABASE.host(), DATABASE.port());
    static final TestBroker BROKER = TestBroker.shared("inventory_service");
    static final TcpProxy BROKER_LINK = TcpProxy.to(BROKER.host(), BROKER.port());
    static final TestTokens TOKENS = TestTokens.shared();
    static final int MAX_ATTEMPTS = 3;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected ApiClient api;

    /** The service's settings in this suite; a second instance ({@code OversellIT}) starts with the same. */
    protected static Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("emporium.database.url", DATABASE.appUrl(DATABASE_LINK.host(), DATABASE_LINK.port()));
        settings.put("emporium.database.migration-url", DATABASE.ownerUrl());
        settings.put("RABBITMQ_URL", BROKER.url(BROKER_LINK.host(), BROKER_LINK.port()));
        settings.put("RABBITMQ_CONNECT_TIMEOUT", "1s");
        settings.put("JWT_JWKS_URI", TOKENS.jwksUri());
        settings.put("JWT_ISSUER", TestTokens.ISSUER);
        settings.put("JWT_AUDIENCE", TestTokens.AUDIENCE);
        settings.put("emporium.events.relay.poll-interval", "100ms");
        settings.put("emporium.events.relay.backoff-max", "300ms");
        settings.put("emporium.events.relay.confirm-timeout", "2s");
        settings.put("emporium.events.consumer.max-attempts", MAX_ATTEMPTS);
        settings.put("emporium.events.consumer.retry-initial", "20ms");
        settings.put("emporium.events.consumer.retry-max", "80ms");
        settings.put("emporium.events.consumer.infrastructure-backoff-max", "200ms");
        settings.put("emporium.events.consumer.recovery-interval", "200ms");
        settings.put("emporium.inventory.demo-catalog.enabled", true);
        settings.put("emporium.inventory.reservations.expiry-check", "200ms");
        // the tests read the list right after each write; CatalogPageCacheTest covers the cache itself
        settings.put("emporium.inventory.catalog.page-cache-ttl", "0s");
        return settings;
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        settings().forEach((name, value) -> registry.add(name, () -> value));
    }

    @BeforeEach
    void client() {
        api = ApiClient.local(port, ContractRecorder.shared("inventory-service"));
    }

    /** The stock of a product as the database has it. */
    protected StockRow stock(UUID productId) {
        return jdbc.queryForObject("SELECT on_hand, reserved, available FROM product_stock WHERE product_id = ?",
                (rs, row) -> new StockRow(rs.getInt("on_hand"), rs.getInt("reserved"), rs.getInt("available")),
                productId);
    }

    protected String reservationStatus(UUID orderId) {
        return jdbc.queryForObject("SELECT status FROM reservations WHERE order_id = ?", String.class, orderId);
    }

    /** Waits until the order's reservation has this status (an event or the expiry job moves it). */
    protected void awaitStatus(UUID orderId, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> status.equals(reservationStatus(orderId)));
    }

    /** Ends the order's hold now, as if its time had passed; the expiry job (every 200 ms) does the rest. */
    protected void endHold(UUID orderId) {
        jdbc.update("UPDATE reservations SET expires_at = now() - interval '1 second' WHERE order_id = ?", orderId);
    }

    protected record StockRow(int onHand, int reserved, int available) {
    }
}
