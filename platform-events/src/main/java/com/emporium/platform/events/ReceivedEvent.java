package com.emporium.platform.events;

import java.time.Instant;
import java.util.UUID;

/** What a handler learns about the event beside its payload. */
public record ReceivedEvent(UUID id, String type, int version, Instant occurredAt, String aggregateId,
        String routingKey) {
}
