package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.emporium.platform.events.outbox.OutboxRelay;
import com.emporium.platform.events.outbox.RelaySignal;
import com.emporium.platform.events.sample.Deposits;
import com.emporium.platform.events.broker.ConfirmedPublisher;
import com.emporium.platform.events.broker.TraceHeaders;
import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two relays on one outbox, as two instances of a service run them: each with its own broker connection and
 * small batches so that they interleave. The service's own relay is stopped meanwhile.
 */
class TwoRelaysIT extends EventsTestBase {

    private static final int ACCOUNTS = 20;
    private static final int DEPOSITS_EACH = 25;

    @Autowired
    Deposits deposits;

    @Autowired
    OutboxRelay serviceRelay;

    @Autowired
    JsonMapper json;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    EventsProperties properties;

    @Test
    void publishEachEventOnceAndKeepEveryAggregatesOrder() {
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(UUID.randomUUID());
        }
        Set<String> events = new HashSet<>();
        serviceRelay.stop();
        try (EventCapture capture = EventCapture.bind(BROKER, properties.exchange(), "sample.#");
                Relay first = new Relay(); Relay second = new Relay()) {
            for (int round = 0; round < DEPOSITS_EACH; round++) {
                for (UUID account : accounts) {
                    events.add(deposits.deposit(account, 1).eventId().toString());
                }
            }

            first.relay.start();
            second.relay.start();
            await().atMost(PATIENCE).until(() -> ours(capture, events).size() >= events.size());
            first.relay.stop();
            second.relay.stop();

            List<CapturedMessage> published = ours(capture, events);
            assertThat(published).extracting(CapturedMessage::messageId).doesNotHaveDuplicates()
                    .hasSize(ACCOUNTS * DEPOSITS_EACH);
            Map<String, List<Integer>> sequences = new HashMap<>();
            for (CapturedMessage message : published) {
                var event = json.readTree(message.bodyText());
                sequences.computeIfAbsent(event.get("aggregateId").asString(), id -> new ArrayList<>())
                        .add(event.get("payload").get("sequence").asInt());
            }
            assertThat(sequences).hasSize(ACCOUNTS).allSatisfy((account, order) -> assertThat(order)
                    .as("the events of account %s in the order they were published", account)
                    .isSorted().doesNotHaveDuplicates().hasSize(DEPOSITS_EACH));
            assertThat(first.published()).as("the first relay published some").isPositive();
            assertThat(second.published()).as("the second relay published some").isPositive();
            assertThat(first.published() + second.published()).isEqualTo(ACCOUNTS * DEPOSITS_EACH);
        } finally {
            serviceRelay.start();
        }
    }

    @Test
    void leaveAnAggregateAloneWhileAnotherRelayHoldsItsOldestUnsentEvent() throws Exception {
        UUID account = UUID.randomUUID();
        serviceRelay.stop();
        try (Relay second = new Relay();
                Connection first = jdbc.getDataSource().getConnection()) {
            for (int i = 0; i < 3; i++) {
                deposits.deposit(account, 1);
            }
            first.setAutoCommit(false);
            lockOldestUnsentEventOf(account, first);

            // whatever else is unsent goes; none of the account's events may, nor may the relay wait for the held one
            assertThat(CompletableFuture.supplyAsync(() -> relayAll(second.relay))).succeedsWithin(PATIENCE);

            assertThat(unsentEventsOf(account)).as("the events after the held one wait for it").isEqualTo(3);
            first.rollback();
            relayAll(second.relay);
            assertThat(unsentEventsOf(account)).isZero();
        } finally {
            serviceRelay.start();
        }
    }

    private static int relayAll(OutboxRelay relay) {
        int published = 0;
        for (int round = relay.relayOnce(); round > 0; round = relay.relayOnce()) {
            published += round;
        }
        return published;
    }

    /** What a relay in the middle of a round holds: the aggregate's oldest unsent event, locked. */
    private static void lockOldestUnsentEventOf(UUID account, Connection relay) throws Exception {
        try (PreparedStatement lock = relay.prepareStatement("""
                SELECT position FROM event_outbox WHERE aggregate_id = ? AND sent_at IS NULL
                ORDER BY position LIMIT 1 FOR UPDATE""")) {
            lock.setString(1, account.toString());
            try (ResultSet held = lock.executeQuery()) {
                assertThat(held.next()).isTrue();
            }
        }
    }

    private long unsentEventsOf(UUID account) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ? AND sent_at IS NULL",
                Long.class, account.toString());
        return count == null ? 0 : count;
    }

    private static List<CapturedMessage> ours(EventCapture capture, Set<String> events) {
        return capture.all().stream().filter(message -> events.contains(message.messageId())).toList();
    }

    /** A relay of its own, as another instance of the service would run, publishing at most 7 events a round. */
    private final class Relay implements AutoCloseable {

        private final CachingConnectionFactory connections = new CachingConnectionFactory(BROKER.host(),
                BROKER.port());
        private final MeterRegistry meters = new SimpleMeterRegistry();
        private final OutboxRelay relay;

        Relay() {
            connections.setVirtualHost(BROKER.vhost());
            connections.setUsername(BROKER.username());
            connections.setPassword(BROKER.password());
            connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
            EventsProperties.Relay small = new EventsProperties.Relay(true, 7, properties.relay().pollInterval(),
                    properties.relay().confirmTimeout(), properties.relay().backoffInitial(),
                    properties.relay().backoffMax());
            EventsProperties settings = new EventsProperties(properties.exchange(), properties.deadLetterExchange(),
                    properties.service(), properties.deadLetterArea(), small, properties.consumer(),
                    properties.retention());
            relay = new OutboxRelay(jdbc, json, new TransactionTemplate(transactionManager),
                    new ConfirmedPublisher(connections, settings.relay().confirmTimeout()),
                    new TraceHeaders(null, null), new RelaySignal(),
                    settings, meters);
        }

        double published() {
            return meters.get("emporium.events.relay.published").counter().count();
        }

        @Override
        public void close() {
            relay.stop();
            connections.destroy();
        }
    }
}
