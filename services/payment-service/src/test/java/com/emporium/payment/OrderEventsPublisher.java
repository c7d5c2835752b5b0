package com.emporium.payment;

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
 * Publishes order events to the suite's vhost as order-service's outbox relay does (exchange, routing key, AMQP
 * properties, envelope), each waiting for the broker's confirm. Publishing an event id again is a redelivery.
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

    /** An event of this type for the order, with its own id (to publish again for a duplicate). */
    record Event(UUID id, String type, String routingKey, UUID orderId, Map<String, Object> payload) {
    }

    static Event placed(UUID orderId, UUID customerId, String total) {
        Map<String, Object> payload = base(orderId, customerId);
        payload.put("lines", java.util.List.of(Map.of("productId", UUID.randomUUID(), "sku", "SKU-1", "name", "Tea",
                "quantity", 1, "unitPrice", new java.math.BigDecimal(total))));
        payload.put("totalAmount", new java.math.BigDecimal(total));
        payload.put("currency", "USD");
        payload.put("paymentDueBy", now().plusSeconds(900).toString());
        payload.put("placedAt", now().toString());
        return new Event(UUID.randomUUID(), "OrderPlaced", "order.placed", orderId, payload);
    }

    static Event confirmed(UUID orderId, UUID customerId) {
        Map<String, Object> payload = base(orderId, customerId);
        payload.put("totalAmount", 25.00);
        payload.put("currency", "USD");
        payload.put("confirmedAt", now().toString());
        return new Event(UUID.randomUUID(), "OrderConfirmed", "order.confirmed", orderId, payload);
    }

    static Event cancelled(UUID orderId, UUID customerId) {
        Map<String, Object> payload = base(orderId, customerId);
        payload.put("reason", "customer");
        payload.put("previousStatus", "pending");
        payload.put("cancelledAt", now().toString());
        return new Event(UUID.randomUUID(), "OrderCancelled", "order.cancelled", orderId, payload);
    }

    private static Map<String, Object> base(UUID orderId, UUID customerId) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("orderId", orderId);
        payload.put("customerId", customerId);
        return payload;
    }

    void publish(Event event) {
        Instant occurredAt = now();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.id());
        envelope.put("type", event.type());
        envelope.put("version", 1);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("aggregateId", event.orderId().toString());
        envelope.put("payload", event.payload());
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(event.id().toString()).type(event.type()).contentType("application/json")
                .contentEncoding("utf-8").deliveryMode(2).timestamp(Date.from(occurredAt)).appId("order-service")
                .headers(Map.of("event-version", 1)).build();
        try {
            channel.basicPublish("emporium.events", event.routingKey(), properties,
                    JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        } catch (IOException | InterruptedException | TimeoutException ex) {
            throw new IllegalStateException("cannot publish " + event.type(), ex);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public void close() throws IOException, TimeoutException {
        connection.close();
    }
}
