package com.emporium.inventory.reservation;

import java.util.Locale;

/**
 * Where a reservation is: {@code held} counts in the products' reserved stock; {@code committed} left the stock on
 * hand when its order was confirmed; {@code released} (order cancelled, or released by order-service) and
 * {@code expired} (held past its hold) gave the stock back.
 */
public enum ReservationStatus {
    HELD, COMMITTED, RELEASED, EXPIRED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ReservationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
