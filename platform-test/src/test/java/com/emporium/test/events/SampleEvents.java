package com.emporium.test.events;

import com.emporium.test.amqp.CapturedMessage;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The test document {@code events/sample-events.yaml}, and events that follow it, to be broken one part at a time
 * by the tests.
 */
final class SampleEvents {

    static final String EXCHANGE = "emporium.widgets";
    static final String EVENT_ID = "6f1c2a4e-8d2b-4a57-9c1e-3b7f0d5e9a21";
    static final String WIDGET_ID = "widget-42";
    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SampleEvents() {
    }

    static Path document() {
        URL resource = Objects.requireNonNull(SampleEvents.class.getResource("/events/sample-events.yaml"));
        try {
            return Path.of(resource.toURI());
        } catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    static Event widgetCreated() {
        return new Event("widget.created", "WidgetCreated", Map.of("name", "bolt", "size", "small", "tags",
                List.of("metal")));
    }

    static Event widgetRenamed() {
        return new Event("widget.renamed", "WidgetRenamed", Map.of("oldName", "bolt", "newName", "big bolt",
                "renamedBy", Map.of("kind", "user", "userId", "0b7f3c1d-2e4a-4c6b-8d9e-1f2a3b4c5d6e")));
    }

    /** A conforming event as a publisher would send it; each setter breaks (or changes) one part of it. */
    static final class Event {

        private String exchange = EXCHANGE;
        private String routingKey;
        private @Nullable String messageId = EVENT_ID;
        private @Nullable String type;
        private @Nullable String contentType = "application/json";
        private @Nullable Integer deliveryMode = 2;
        private final Map<String, Object> headers = new HashMap<>(Map.of("traceparent", TRACEPARENT,
                "event-version", 1L));
        private final Map<String, Object> body = new LinkedHashMap<>();
        private @Nullable String rawBody;

        private Event(String routingKey, String type, Map<String, Object> payload) {
            this.routingKey = routingKey;
            this.type = type;
            body.put("id", EVENT_ID);
            body.put("type", type);
            body.put("version", 1);
            body.put("occurredAt", "2026-11-24T10:15:30.123Z");
            body.put("aggregateId", WIDGET_ID);
            body.put("payload", new LinkedHashMap<>(payload));
        }

        Event exchange(String exchange) {
            this.exchange = exchange;
            return this;
        }

        Event routingKey(String routingKey) {
            this.routingKey = routingKey;
            return this;
        }

        Event messageId(@Nullable String messageId) {
            this.messageId = messageId;
            return this;
        }

        Event type(@Nullable String type) {
            this.type = type;
            return this;
        }

        Event contentType(@Nullable String contentType) {
            this.contentType = contentType;
            return this;
        }

        Event deliveryMode(@Nullable Integer deliveryMode) {
            this.deliveryMode = deliveryMode;
            return this;
        }

        Event header(String name, Object value) {
            headers.put(name, value);
            return this;
        }

        Event withoutHeader(String name) {
            headers.remove(name);
            return this;
        }

        /** Sets a field of the envelope. */
        Event field(String name, Object value) {
            body.put(name, value);
            return this;
        }

        /** Sets a field of the event's own payload. */
        Event payloadField(String name, Object value) {
            payload().put(name, value);
            return this;
        }

        Event withoutPayloadField(String name) {
            payload().remove(name);
            return this;
        }

        Event rawBody(String text) {
            this.rawBody = text;
            return this;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> payload() {
            return (Map<String, Object>) body.get("payload");
        }

        CapturedMessage captured() {
            String text = rawBody != null ? rawBody : JSON.writeValueAsString(body);
            return new CapturedMessage(exchange, routingKey, messageId, type, contentType, deliveryMode, "sample",
                    Instant.parse("2026-11-24T10:15:30Z"), headers, text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
