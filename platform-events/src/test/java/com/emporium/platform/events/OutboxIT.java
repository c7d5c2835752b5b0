package com.emporium.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.UUID;

import com.emporium.platform.events.sample.DepositMade;
import com.emporium.platform.events.sample.Deposits;
import com.emporium.platform.events.support.EventPurge;
import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import com.emporium.test.events.EventContract;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The outbox: an event is recorded with its state change or not at all, and published as documented. */
class OutboxIT extends EventsTestBase {

    static final EventContract EVENTS = EventContract.load(Path.of("src/test/resources/events/sample-events.yaml"));

    @Autowired
    Outbox outbox;

    @Autowired
    Deposits deposits;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    @Autowired
    EventsProperties properties;

    @Autowired
    com.emporium.platform.events.outbox.OutboxRelay relay;

    @AfterAll
    static void everyDocumentedEventWasPublishedAndChecked() {
        EVENTS.assertEveryMessageSeen();
    }

    @Test
    void publishesTheEventOfACommittedChangeAsDocumentedWithTheWritersTraceContext() {
        UUID account = UUID.randomUUID();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        try (EventCapture capture = EventCapture.bind(BROKER, properties.exchange(), "sample.#")) {
            ApiResponse made = ApiClient.unchecked(URI.create(base())).post("/api/sample/deposits")
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .json(java.util.Map.of("accountId", account, "amount", 250)).send();
            assertThat(made.status()).isEqualTo(201);
            String eventId = made.json().get("eventId").asString();

            CapturedMessage message = capture.awaitMatching(m -> eventId.equals(m.messageId()), PATIENCE);

            EVENTS.validate(message);
            assertThat(message.routingKey()).isEqualTo("sample.deposit-made");
            assertThat(message.type()).isEqualTo("DepositMade");
            assertThat(message.appId()).isEqualTo("sample-service");
            assertThat(message.headers().get("traceparent").toString()).startsWith("00-" + traceId + "-");
            JsonNode event = json.readTree(message.bodyText());
            assertThat(event.get("aggregateId").asString()).isEqualTo(account.toString());
            assertThat(event.get("payload").get("amount").asLong()).isEqualTo(250);
            assertThat(event.get("payload").get("sequence").asInt()).isEqualTo(1);
            await().atMost(PATIENCE).until(() -> effectsOf(UUID.fromString(eventId)) == 1);
        }
    }

    @Test
    void refusesToRecordAnEventOutsideATransaction() {
        UUID account = UUID.randomUUID();

        assertThatExceptionOfType(IllegalStateException.class)
                .isThrownBy(() -> outbox.record(account, new DepositMade(UUID.randomUUID(), account, 1, 1)))
                .withMessageContaining("transaction");

        assertThat(outboxRowsOf(account)).isZero();
    }

    @Test
    void refusesAnEventThatDoesNotNameItsType() {
        UUID account = UUID.randomUUID();

        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> transactions.executeWithoutResult(status -> outbox.record(account, "not an event")))
                .withMessageContaining("@EventType");

        assertThat(outboxRowsOf(account)).isZero();
    }

    @Test
    void aChangeThatRollsBackTakesItsEventWithIt() {
        UUID account = UUID.randomUUID();

        assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> deposits.deposit(account, 0));

        assertThat(outboxRowsOf(account)).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deposits WHERE account_id = ?", Long.class, account))
                .isZero();
    }

    @Test
    void purgesPublishedEventsAndHandledIdsOnlyOnceTheyAreOlderThanTheirRetention() {
        UUID eventId = deposits.deposit(UUID.randomUUID(), 5).eventId();
        await().atMost(PATIENCE).until(() -> effectsOf(eventId) == 1);

        new EventPurge(jdbc, withRetention(Duration.ofHours(1))).purgeOnce();
        assertThat(outboxRowsOf(eventId)).isOne();
        assertThat(inboxRowsOf(eventId)).isOne();

        relay.stop();
        try {
            UUID unsent = deposits.deposit(UUID.randomUUID(), 5).eventId();
            new EventPurge(jdbc, withRetention(Duration.ZERO)).purgeOnce();
            assertThat(outboxRowsOf(eventId)).isZero();
            assertThat(inboxRowsOf(eventId)).isZero();
            assertThat(outboxRowsOf(unsent)).as("an unsent event is never purged").isOne();
        } finally {
            relay.start();
        }
    }

    private EventsProperties withRetention(Duration age) {
        return new EventsProperties(properties.exchange(), properties.deadLetterExchange(), properties.service(),
                properties.deadLetterArea(), properties.relay(), properties.consumer(),
                new EventsProperties.Retention(age, age, Duration.ofHours(1)));
    }

    private long outboxRowsOf(UUID aggregateOrEvent) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM event_outbox WHERE aggregate_id = ? OR event_id = ?",
                Long.class, aggregateOrEvent.toString(), aggregateOrEvent);
        return count == null ? 0 : count;
    }

    private long inboxRowsOf(UUID eventId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM event_inbox WHERE event_id = ?", Long.class, eventId);
        return count == null ? 0 : count;
    }
}
