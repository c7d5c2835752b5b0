package com.emporium.platform.events;

import com.emporium.test.auth.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.emporium.platform.events.sample.SampleApplication;
import com.emporium.test.amqp.TestBroker;
import com.emporium.test.db.TestDatabase;
import com.emporium.test.net.TcpProxy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample service once per suite, on its own database and vhost, reaching RabbitMQ through a {@link TcpProxy}
 * the tests can cut. Every wait is shortened to milliseconds so that nothing waits in real time: the relay polls
 * every 100 ms and backs off at most 300 ms, a consumer retries after 20–80 ms, three attempts, and reconnects
 * after 200 ms.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class EventsTestBase {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final TestDatabase DATABASE = TestDatabase.shared("events");
    static final TestBroker BROKER = TestBroker.shared("events");
    static final TcpProxy BROKER_LINK = TcpProxy.to(BROKER.host(), BROKER.port());
    static final TestTokens TOKENS = TestTokens.shared();
    static final int MAX_ATTEMPTS = 3;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        registry.add("emporium.database.url", DATABASE::appUrl);
        registry.add("emporium.database.migration-url", DATABASE::ownerUrl);
        registry.add("RABBITMQ_URL", () -> BROKER.url(BROKER_LINK.host(), BROKER_LINK.port()));
        registry.add("RABBITMQ_CONNECT_TIMEOUT", () -> "1s");
        registry.add("JWT_JWKS_URI", TOKENS::jwksUri);
        registry.add("JWT_ISSUER", () -> TestTokens.ISSUER);
        registry.add("JWT_AUDIENCE", () -> TestTokens.AUDIENCE);
        registry.add("emporium.events.relay.poll-interval", () -> "100ms");
        registry.add("emporium.events.relay.backoff-initial", () -> "50ms");
        registry.add("emporium.events.relay.backoff-max", () -> "300ms");
        registry.add("emporium.events.relay.confirm-timeout", () -> "2s");
        registry.add("emporium.events.consumer.max-attempts", () -> MAX_ATTEMPTS);
        registry.add("emporium.events.consumer.retry-initial", () -> "20ms");
        registry.add("emporium.events.consumer.retry-max", () -> "80ms");
        registry.add("emporium.events.consumer.infrastructure-backoff-max", () -> "200ms");
        registry.add("emporium.events.consumer.recovery-interval", () -> "200ms");
        registry.add("emporium.security.public-paths", () -> "POST /api/sample/deposits");
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    long effectsOf(UUID eventId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM effects WHERE event_id = ?", Long.class, eventId);
        return count == null ? 0 : count;
    }

    /** {@code sql} with one parameter, the array of {@code ids}, answering one number. */
    long count(String sql, List<UUID> ids) {
        Long count = jdbc.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        });
        return count == null ? 0 : count;
    }
}
