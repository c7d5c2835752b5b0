package com.emporium.platform.events.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.emporium.platform.events.EventEnvelope;
import com.emporium.platform.events.EventType;
import com.emporium.platform.events.Outbox;
import com.emporium.platform.events.broker.TraceHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/** The outbox in the service's database: one {@code event_outbox} row per event, in the caller's transaction. */
public final class JdbcOutbox implements Outbox {

    static final String EVENT_VERSION_HEADER = "event-version";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TraceHeaders trace;
    private final RelaySignal signal;
    private final Clock clock;
    private final Map<Class<?>, EventType> types = new ConcurrentHashMap<>();

    public JdbcOutbox(JdbcClient jdbc, JsonMapper json, TraceHeaders trace, RelaySignal signal, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.trace = trace;
        this.signal = signal;
        this.clock = clock;
    }

    @Override
    public UUID record(String aggregateId, Object event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Record " + event.getClass().getSimpleName() + " inside the transaction "
                    + "of the state change that causes it (none is active)");
        }
        if (aggregateId.isBlank()) {
            throw new IllegalArgumentException("an event needs the id of its aggregate");
        }
        EventType type = types.computeIfAbsent(event.getClass(), JdbcOutbox::typeOf);
        UUID id = UUID.randomUUID();
        Instant occurredAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String body = json.writeValueAsString(
                new EventEnvelope<>(id, type.name(), type.version(), occurredAt, aggregateId, event));
        Map<String, Object> headers = new LinkedHashMap<>(trace.current());
        headers.put(EVENT_VERSION_HEADER, type.version());
        jdbc.sql("""
                INSERT INTO event_outbox (event_id, event_type, routing_key, aggregate_id, occurred_at, body, headers)
                VALUES (:id, :type, :routingKey, :aggregateId, :occurredAt, :body, CAST(:headers AS jsonb))""")
                .param("id", id)
                .param("type", type.name())
                .param("routingKey", type.routingKey())
                .param("aggregateId", aggregateId)
                .param("occurredAt", Timestamp.from(occurredAt))
                .param("body", body)
                .param("headers", json.writeValueAsString(headers))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                signal.wake();
            }
        });
        return id;
    }

    private static EventType typeOf(Class<?> eventClass) {
        EventType type = eventClass.getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType: name its "
                    + "type, version and routing key");
        }
        return type;
    }
}
