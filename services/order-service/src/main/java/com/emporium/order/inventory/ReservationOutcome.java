package com.emporium.order.inventory;

import java.util.List;
import java.util.UUID;

/** What inventory-service answered a reservation with, when it answered. */
public sealed interface ReservationOutcome {

    /** The stock is reserved (now, or already by an earlier call for the same order id). */
    record Reserved(Reservation reservation) implements ReservationOutcome {
    }

    /** Inventory has no product with these ids; nothing was reserved. */
    record UnknownProducts(List<UUID> productIds) implements ReservationOutcome {
    }

    /** These lines ask for more than is available; nothing was reserved. */
    record InsufficientStock(List<Shortfall> lines) implements ReservationOutcome {
    }

    /** The order id already holds a reservation of other lines. */
    record Mismatch() implements ReservationOutcome {
    }

    /** A line inventory cannot fill: what was asked for and what is available. */
    record Shortfall(UUID productId, int requested, int available) {
    }
}
