package com.emporium.platform.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A family of events one service consumes, with one durable queue of its own ({@code <service>.<name>}) bound to
 * the events exchange with {@link #bindingKeys()}, and a handler per event type. Declare it as a bean:
 *
 * <pre>{@code
 * @Bean
 * EventSubscription orderEvents(Reservations reservations) {
 *     return EventSubscription.named("order-events")
 *             .bind("order.*")
 *             .on("OrderConfirmed", OrderConfirmed.class, (event, meta) -> reservations.commit(event.orderId()))
 *             .build();
 * }
 * }</pre>
 *
 * An event of a type with no handler that reaches the queue is acknowledged and ignored: publishers may add event
 * types without breaking consumers.
 */
public record EventSubscription(String name, List<String> bindingKeys, Map<String, Handler<?>> handlers) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public EventSubscription {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("subscription name must be lower-case words joined by '-': " + name);
        }
        if (bindingKeys.isEmpty()) {
            throw new IllegalArgumentException("subscription " + name + " binds no routing key");
        }
        bindingKeys = List.copyOf(bindingKeys);
        handlers = Map.copyOf(handlers);
    }

    public static Builder named(String name) {
        return new Builder(name);
    }

    /** A handler with the payload type it reads the event's payload as. */
    public record Handler<P>(Class<P> payloadType, EventHandler<P> handler) {
    }

    public static final class Builder {

        private final String name;
        private final List<String> bindingKeys = new ArrayList<>();
        private final Map<String, Handler<?>> handlers = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Routing keys (topic patterns: {@code order.*}, {@code payment.#}) this subscription's queue receives. */
        public Builder bind(String... keys) {
            bindingKeys.addAll(List.of(keys));
            return this;
        }

        public <P> Builder on(String eventType, Class<P> payloadType, EventHandler<P> handler) {
            if (handlers.putIfAbsent(eventType, new Handler<>(payloadType, handler)) != null) {
                throw new IllegalArgumentException("subscription " + name + " has two handlers for " + eventType);
            }
            return this;
        }

        public EventSubscription build() {
            return new EventSubscription(name, bindingKeys, handlers);
        }
    }
}
