package com.emporium.inventory;

import com.emporium.test.amqp.TestBroker;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes order events straight to the suite's vhost, as order-service's outbox relay will: exchange
 * {@code emporium.events}, the event's routing key, the AMQP properties and headers of platform-events' relay
 * ({@code message_id}, {@code type}, JSON, UTF-8, persistent, {@code timestamp}, {@code app_id},
 * {@code event-version}), and the envelope as the outbox writes it. Each publish waits for the broker's confirm,
 * so the event is in the queue when it returns. The connection bypasses the service's proxy: cutting the service
 * off the broker does not stop the publisher.
 */
final class OrderEventsPublisher implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Connection connection;
    private final Channel channel;

    OrderEventsPublisher(TestBroker broker) {
        try {
            connection = broker.connectionFactory().newConnection("order-events-publisher");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (IOException | TimeoutException ex) {
            throw new IllegalStateException("cannot connect to the test broker", ex);
        }
    }

    /** OrderConfirmed v1 for the order; the event's id. */
    UUID confirmed(UUID orderId) {
        return publish(UUID.randomUUID(), "OrderConfirmed", "order.confirmed", orderId, confirmedPayload(orderId));
    }

    /** OrderCancelled v1 for the order; the event's id. */
    UUID cancelled(UUID orderId, String previousStatus) {
        return publish(UUID.randomUUID(), "OrderCancelled", "order.cancelled", orderId,
                cancelledPayload(orderId, previousStatus));
    }

    static Map<String, Object> confirmedPayload(UUID orderId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId);
        payload.put("customerId", UUID.randomUUID());
        payload.put("totalAmount", 19.98);
        payload.put("currency", "USD");
        payload.put("confirmedAt", now().toString());
        return payload;
    }

    static Map<String, Object> cancelledPayload(UUID orderId, String previousStatus) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId);
        payload.put("customerId", UUID.randomUUID());
        payload.put("reason", "customer");
        payload.put("previousStatus", previousStatus);
        payload.put("cancelledAt", now().toString());
        return payload;
    }

    /** Publishes one event with this id; publishing an id again is what a relay's redelivery looks like. */
    UUID publish(UUID eventId, String type, String routingKey, UUID orderId, Map<String, Object> payload) {
        Instant occurredAt = now();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("aggregateId", orderId.toString());
        envelope.put("payload", payload);
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(eventId.toString())
                .type(type)
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .timestamp(Date.from(occurredAt))
                .appId("order-service")
                .headers(Map.of("event-version", 1))
                .build();
        try {
            channel.basicPublish("emporium.events", routingKey, properties,
                    JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        } catch (IOException | InterruptedException | TimeoutException ex) {
            throw new IllegalStateException("cannot publish " + type + " " + eventId, ex);
        }
        return eventId;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void close() throws IOException, TimeoutException {
        connection.close();
    }
}
