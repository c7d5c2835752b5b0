package com.emporium.inventory.reservation;

/**
 * An order was confirmed that holds no reservation here. Nothing can be shipped for it without an admin, so the
 * event is retried and then dead-lettered, where an admin sees it.
 */
public final class ReservationMissing extends RuntimeException {

    public ReservationMissing(OrderId orderId) {
        super("Order " + orderId + " was confirmed, but it has no reservation: no stock was taken for it");
    }
}
