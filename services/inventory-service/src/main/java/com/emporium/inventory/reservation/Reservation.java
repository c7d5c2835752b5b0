package com.emporium.inventory.reservation;

import com.emporium.inventory.catalog.Money;
import java.time.Instant;
import java.util.List;

/** The stock held for one order, priced when it was made; {@code total} is the sum of its lines. */
public record Reservation(OrderId orderId, ReservationStatus status, Instant expiresAt, List<ReservationLine> lines,
        Money total, String currency) {

    public Reservation {
        lines = List.copyOf(lines);
    }
}
