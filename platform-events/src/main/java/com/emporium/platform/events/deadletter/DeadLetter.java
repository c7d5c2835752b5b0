package com.emporium.platform.events.deadletter;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A message a consumer gave up on, as kept in {@code event_dead_letter}: where it was going, why it failed, and
 * everything needed to publish it again exactly as it was.
 */
public record DeadLetter(UUID id, String queue, String messageId, @Nullable String eventType,
        @Nullable String routingKey, @Nullable String aggregateId, String reason, int attempts,
        Instant deadLetteredAt, int replays, Map<String, Object> properties, Map<String, Object> headers,
        byte[] body) {
}
