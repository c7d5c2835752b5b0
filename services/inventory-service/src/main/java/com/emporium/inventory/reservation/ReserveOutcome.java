package com.emporium.inventory.reservation;

import com.emporium.inventory.catalog.ProductId;
import java.util.List;

/** What asking to reserve an order's lines led to. Only {@link Created} changed anything. */
public sealed interface ReserveOutcome {

    record Created(Reservation reservation) implements ReserveOutcome {
    }

    /** The order was reserved before with the same lines: the reservation as it is now, whatever its status. */
    record AlreadyReserved(Reservation reservation) implements ReserveOutcome {
    }

    /** The order was reserved before with other lines. */
    record Mismatch(Reservation existing) implements ReserveOutcome {
    }

    record UnknownProducts(List<ProductId> productIds) implements ReserveOutcome {
    }

    /** Every line that asks for more than is available; nothing was reserved. */
    record InsufficientStock(List<Shortage> shortages) implements ReserveOutcome {
    }
}
