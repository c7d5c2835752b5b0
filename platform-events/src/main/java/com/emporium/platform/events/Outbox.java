package com.emporium.platform.events;

import java.util.UUID;

/**
 * Records events in the service's own database, in the transaction of the state change that causes them; the
 * relay publishes them once that transaction has committed. Recording outside a transaction is refused: an
 * event without its state change, or a state change without its event, is what the outbox exists to prevent.
 */
public interface Outbox {

    /**
     * Records {@code event} (a record annotated with {@link EventType}) as having happened to the aggregate
     * {@code aggregateId} now, with the current trace context.
     *
     * @return the event's id, which consumers use to recognise a redelivery
     * @throws IllegalStateException when no transaction is active
     */
    UUID record(String aggregateId, Object event);

    default UUID record(UUID aggregateId, Object event) {
        return record(aggregateId.toString(), event);
    }
}
