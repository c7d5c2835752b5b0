package com.emporium.inventory.reservation;

import java.util.List;

/**
 * An order was confirmed after its reservation lapsed, and its stock has been sold since. The order is paid for
 * and cannot be filled from stock: the event is retried (a delivery may arrive) and then dead-lettered for an
 * admin.
 */
public final class StockGone extends RuntimeException {

    public StockGone(OrderId orderId, ReservationStatus status, List<Shortage> shortages) {
        super("Order " + orderId + " was confirmed after its reservation was " + status.wireName()
                + ", and its stock is no longer available: " + shortages);
    }
}
