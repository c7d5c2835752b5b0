package com.emporium.order.orders;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an order is in its life; {@link Transition} says how it may move on. Lowercase on the wire. */
public enum OrderStatus {
    PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OrderStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(status -> status.wireName().equals(value)).findFirst();
    }
}
