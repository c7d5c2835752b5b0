package com.emporium.payment.orders;

import java.util.Locale;

/** order-service's order statuses, in the order they are reached; {@code cancelled} is final. */
public enum OrderStatus {
    PENDING, CONFIRMED, SHIPPED, DELIVERED, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }

    /** Paid already: confirmed, shipped or delivered. */
    public boolean isPaid() {
        return this == CONFIRMED || this == SHIPPED || this == DELIVERED;
    }
}
