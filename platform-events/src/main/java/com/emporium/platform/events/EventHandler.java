package com.emporium.platform.events;

/**
 * Applies one event's effect. It runs inside the transaction that also records the event as handled, so its
 * database work commits with that record or not at all; it must make no call to another service (a retry would
 * repeat it). A handler that throws is retried with backoff, and after the last attempt its message goes to the
 * dead-letter queue.
 */
@FunctionalInterface
public interface EventHandler<P> {

    void handle(P payload, ReceivedEvent event) throws Exception;
}
