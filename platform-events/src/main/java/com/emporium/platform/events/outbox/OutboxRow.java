package com.emporium.platform.events.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An unsent event as the relay reads it. */
record OutboxRow(long position, UUID eventId, String eventType, String routingKey, String aggregateId, Instant occurredAt, String body,
        Map<String, Object> headers) {
}
