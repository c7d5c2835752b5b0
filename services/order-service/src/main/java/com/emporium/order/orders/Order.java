package com.emporium.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as stored. Amounts are minor units of {@code currency}. Its status changes only through
 * {@link OrderLifecycle}, by a {@link Transition}.
 */
public record Order(OrderId id, CustomerId customerId, OrderStatus status, List<OrderLine> lines, long totalAmount,
        String currency, ShippingAddress shippingAddress, Instant paymentDueBy, Instant placedAt, Instant updatedAt,
        @Nullable Instant cancelledAt, @Nullable CancellationReason cancellationReason, @Nullable UUID paymentId) {

    public Order {
        lines = List.copyOf(lines);
    }

    /** A new order as checkout places it: pending, awaiting payment until {@code paymentDueBy}. */
    public static Order placed(OrderId id, CustomerId customerId, List<OrderLine> lines, long totalAmount,
            String currency, ShippingAddress shippingAddress, Instant placedAt, Instant paymentDueBy) {
        return new Order(id, customerId, OrderStatus.PENDING, lines, totalAmount, currency, shippingAddress,
                paymentDueBy, placedAt, placedAt, null, null, null);
    }
}
