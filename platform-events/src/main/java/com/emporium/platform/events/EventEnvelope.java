package com.emporium.platform.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as it travels in a message body: what happened ({@code type} at {@code version} of its shape), to
 * which aggregate, when, and the payload. The envelope's fields are the same for every event; the payload's are
 * the event's own. {@code contracts/events.yaml} documents both.
 *
 * @param <P> the payload: a record on the way out, a JSON tree on the way in
 */
public record EventEnvelope<P>(UUID id, String type, int version, Instant occurredAt, String aggregateId,
        P payload) {
}
