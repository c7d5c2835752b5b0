package com.emporium.test.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
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
 * Publishes events as another service's outbox relay would, for a consumer under test: exchange
 * {@code emporium.events}, the event's routing key, the AMQP properties and headers of platform-events' relay
 * ({@code message_id}, {@code type}, JSON, UTF-8, persistent, {@code timestamp}, {@code app_id},
 * {@code event-version}) and its envelope. Each publish waits for the broker's confirm, so the event is queued
 * when it returns. Its connection is its own: cutting the service under test off the broker does not stop it.
 */
public final class EventPublisher implements AutoCloseable {

    public static final String EXCHANGE = "emporium.events";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String appId;
    private final Connection connection;
    private final Channel channel;

    private EventPublisher(ConnectionFactory factory, String appId) {
        this.appId = appId;
        try {
            connection = factory.newConnection(appId + "-events-publisher");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (IOException | TimeoutException ex) {
            throw new IllegalStateException("cannot connect to the broker to publish as " + appId, ex);
        }
    }

    /** A publisher of {@code appId}'s events (the {@code app_id} its messages carry) on the broker's vhost. */
    public static EventPublisher as(String appId, TestBroker broker) {
        return new EventPublisher(broker.connectionFactory(), appId);
    }

    /** The same, on the broker this factory connects to. */
    public static EventPublisher as(String appId, ConnectionFactory factory) {
        return new EventPublisher(factory, appId);
    }

    /**
     * Publishes one event (version 1) with a new id; the id.
     *
     * @param payload the event's own fields, written as JSON
     */
    public UUID publish(String type, String routingKey, String aggregateId, Map<String, ?> payload) {
        return publish(UUID.randomUUID(), type, routingKey, aggregateId, payload);
    }

    /** Publishes one event with this id: publishing an id again is what a relay's redelivery looks like. */
    public UUID publish(UUID eventId, String type, String routingKey, String aggregateId, Map<String, ?> payload) {
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", eventId);
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", occurredAt.toString());
        envelope.put("aggregateId", aggregateId);
        envelope.put("payload", payload);
        return publishBody(eventId, type, routingKey, occurredAt,
                JSON.writeValueAsString(envelope).getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes a message body as it is (a captured event sent again, or one that is not an envelope at all). */
    public UUID publishBody(UUID messageId, String type, String routingKey, Instant occurredAt, byte[] body) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(messageId.toString())
                .type(type)
                .contentType("application/json")
                .contentEncoding("utf-8")
                .deliveryMode(2)
                .timestamp(Date.from(occurredAt))
                .appId(appId)
                .headers(Map.of("event-version", 1))
                .build();
        try {
            channel.basicPublish(EXCHANGE, routingKey, properties, body);
            channel.waitForConfirmsOrDie(10_000);
        } catch (IOException | InterruptedException | TimeoutException ex) {
            if (ex instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot publish " + type + " " + messageId, ex);
        }
        return messageId;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException ex) {
            throw new IllegalStateException("cannot close the publisher's connection", ex);
        }
    }
}
