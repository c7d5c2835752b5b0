package com.emporium.test.amqp;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One message as a consumer received it: where it was published, its AMQP properties, its headers as plain Java
 * values (see {@link #headers()}) and its body.
 *
 * @param exchange the exchange it was published to ({@code ""} for the default exchange)
 * @param routingKey the routing key it was published with
 * @param messageId the {@code message-id} property, or null when the publisher set none
 * @param type the {@code type} property (the event type), or null
 * @param contentType the {@code content-type} property, or null
 * @param deliveryMode the {@code delivery-mode} property (2 is persistent), or null
 * @param appId the {@code app-id} property, or null
 * @param timestamp the {@code timestamp} property (whole seconds on the wire), or null
 * @param headers the headers, with AMQP's values made plain: text (a long string or bytes) as {@code String}, a
 *     timestamp as {@code Instant}, tables as {@code Map<String, Object>} and arrays as {@code List<Object>}, each
 *     converted in turn; numbers, booleans and decimals stay as they are; a header with no value (AMQP's void) is
 *     left out
 * @param body the body's bytes
 */
public record CapturedMessage(
        String exchange,
        String routingKey,
        @Nullable String messageId,
        @Nullable String type,
        @Nullable String contentType,
        @Nullable Integer deliveryMode,
        @Nullable String appId,
        @Nullable Instant timestamp,
        Map<String, Object> headers,
        byte[] body) {

    private static final int SHOWN_BODY_CHARS = 2_000;

    public CapturedMessage {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    static CapturedMessage of(Delivery delivery) {
        AMQP.BasicProperties properties = delivery.getProperties();
        return new CapturedMessage(
                delivery.getEnvelope().getExchange(),
                delivery.getEnvelope().getRoutingKey(),
                properties.getMessageId(),
                properties.getType(),
                properties.getContentType(),
                properties.getDeliveryMode(),
                properties.getAppId(),
                properties.getTimestamp() == null ? null : properties.getTimestamp().toInstant(),
                AmqpValues.plainTable(properties.getHeaders()),
                delivery.getBody());
    }

    /** A copy: the record stays as it was received. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof CapturedMessage that
                && exchange.equals(that.exchange)
                && routingKey.equals(that.routingKey)
                && Objects.equals(messageId, that.messageId)
                && Objects.equals(type, that.type)
                && Objects.equals(contentType, that.contentType)
                && Objects.equals(deliveryMode, that.deliveryMode)
                && Objects.equals(appId, that.appId)
                && Objects.equals(timestamp, that.timestamp)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(exchange, routingKey, messageId, type, contentType, deliveryMode, appId, timestamp,
                headers, Arrays.hashCode(body));
    }

    /** Everything a failure message needs to show, with the body as text (shortened when long). */
    @Override
    public String toString() {
        String text = bodyText();
        String shown = text.length() <= SHOWN_BODY_CHARS
                ? text
                : text.substring(0, SHOWN_BODY_CHARS) + "... (" + text.length() + " chars)";
        return "CapturedMessage[exchange=" + exchange + ", routingKey=" + routingKey + ", messageId=" + messageId
                + ", type=" + type + ", contentType=" + contentType + ", deliveryMode=" + deliveryMode
                + ", appId=" + appId + ", timestamp=" + timestamp + ", headers=" + headers + ", body=" + shown + "]";
    }
}
