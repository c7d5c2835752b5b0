package com.emporium.order.orders;

import static com.emporium.order.orders.OrderStatus.CANCELLED;
import static com.emporium.order.orders.OrderStatus.CONFIRMED;
import static com.emporium.order.orders.OrderStatus.DELIVERED;
import static com.emporium.order.orders.OrderStatus.PENDING;
import static com.emporium.order.orders.OrderStatus.SHIPPED;

import java.util.EnumSet;
import java.util.Set;

/**
 * The order status machine, whole: each change an order's status may go through, the statuses it may start
 * from and the one it leads to. {@code pending → confirmed → shipped → delivered}, and {@code cancelled} from
 * {@code pending} or {@code confirmed}; nothing else. An order is placed {@code pending}.
 */
public enum Transition {
    /** Paid (issue 7: from {@code PaymentSucceeded}). */
    CONFIRM(EnumSet.of(PENDING), CONFIRMED),
    /** By its customer, an admin, or the payment window passing. */
    CANCEL(EnumSet.of(PENDING, CONFIRMED), CANCELLED),
    SHIP(EnumSet.of(CONFIRMED), SHIPPED),
    DELIVER(EnumSet.of(SHIPPED), DELIVERED);

    private final Set<OrderStatus> from;
    private final OrderStatus to;

    Transition(Set<OrderStatus> from, OrderStatus to) {
        this.from = from;
        this.to = to;
    }

    public OrderStatus to() {
        return to;
    }

    /**
     * The status an order in {@code current} has after this transition.
     *
     * @throws IllegalTransition when the machine has no such step
     */
    public OrderStatus apply(OrderStatus current) {
        if (!from.contains(current)) {
            throw new IllegalTransition(current, to);
        }
        return to;
    }
}
