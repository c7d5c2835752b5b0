package com.emporium.platform.events.deadletter;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.MessageProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves messages from this service's dead-letter queues into {@code event_dead_letter}; the container
 * acknowledges each one only after it is stored (a failure returns it to the queue). Messages the consumer gave
 * up on carry its reason and attempts; messages the broker dead-lettered itself (their delivery limit was
 * reached, as when the consumer crashes on one every time) carry the broker's reason.
 */
public final class DeadLetterDrain implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterDrain.class);

    private final DeadLetterStore store;
    private final JsonMapper json;
    private final Clock clock;

    private final java.time.Duration pauseOnFailure;

    /**
     * @param pauseOnFailure how long to wait before a message whose save failed goes back to the queue: the
     *        container requeues it at once, and without a pause a database outage would turn into a hot loop
     */
    public DeadLetterDrain(org.springframework.jdbc.core.JdbcTemplate jdbc, JsonMapper json, Clock clock,
            java.time.Duration pauseOnFailure) {
        this.store = new DeadLetterStore(jdbc, json);
        this.json = json;
        this.clock = clock;
        this.pauseOnFailure = pauseOnFailure;
    }

    @Override
    public void onMessage(Message message) {
        MessageProperties properties = message.getMessageProperties();
        Map<String, Object> headers = properties.getHeaders();
        String queue = text(headers.get(DeadLetterHeaders.QUEUE), properties.getReceivedRoutingKey());
        String reason = text(headers.get(DeadLetterHeaders.REASON), "The broker dead-lettered it ("
                + text(headers.get("x-first-death-reason"), "no reason given") + ")");
        int attempts = number(headers.get(DeadLetterHeaders.ATTEMPTS), number(headers.get("x-delivery-count"), 0));
        String messageId = properties.getMessageId() != null ? properties.getMessageId()
                : UUID.nameUUIDFromBytes(message.getBody()).toString();
        Map<String, Object> kept = new LinkedHashMap<>();
        headers.forEach((name, value) -> {
            if (!DeadLetterHeaders.FAILURE_HEADERS.contains(name) && !DeadLetterHeaders.REPLAYS.equals(name)
                    && value != null) {
                kept.put(name, value);
            }
        });
        DeadLetter letter = new DeadLetter(UUID.randomUUID(), queue, messageId, properties.getType(),
                routingKey(headers), aggregateId(message.getBody()), reason, attempts, clock.instant(),
                number(headers.get(DeadLetterHeaders.REPLAYS), 0), properties(properties), kept,
                message.getBody());
        try {
            store.save(letter);
        } catch (RuntimeException ex) {
            log.warn("Cannot keep dead letter {} from {} now; it goes back to its queue: {}", messageId, queue,
                    ex.toString());
            pause();
            throw ex;
        }
        log.info("Dead letter {} ({}) from {} kept for an admin: {}", messageId, properties.getType(), queue, reason);
    }

    private void pause() {
        try {
            Thread.sleep(pauseOnFailure.toMillis());
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static @Nullable String routingKey(Map<String, Object> headers) {
        Object key = headers.get(DeadLetterHeaders.ROUTING_KEY);
        if (key != null) {
            return key.toString();
        }
        if (headers.get("x-death") instanceof java.util.List<?> deaths && !deaths.isEmpty()
                && deaths.getFirst() instanceof Map<?, ?> death
                && death.get("routing-keys") instanceof java.util.List<?> keys && !keys.isEmpty()) {
            return String.valueOf(keys.getFirst());
        }
        return null;
    }

    private @Nullable String aggregateId(byte[] body) {
        try {
            JsonNode event = json.readTree(new String(body, StandardCharsets.UTF_8));
            JsonNode aggregate = event.get("aggregateId");
            return aggregate == null || aggregate.isNull() ? null : aggregate.asString();
        } catch (RuntimeException ex) {
            return null;
        }
    }

    /** The properties a replay restores. */
    private static Map<String, Object> properties(MessageProperties properties) {
        Map<String, Object> kept = new LinkedHashMap<>();
        putIfPresent(kept, "contentType", properties.getContentType());
        putIfPresent(kept, "contentEncoding", properties.getContentEncoding());
        putIfPresent(kept, "messageId", properties.getMessageId());
        putIfPresent(kept, "type", properties.getType());
        putIfPresent(kept, "appId", properties.getAppId());
        if (properties.getTimestamp() != null) {
            kept.put("timestamp", properties.getTimestamp().getTime());
        }
        return kept;
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String text(@Nullable Object value, String otherwise) {
        return value == null ? otherwise : value.toString();
    }

    private static int number(@Nullable Object value, int otherwise) {
        return value instanceof Number number ? number.intValue() : otherwise;
    }
}
