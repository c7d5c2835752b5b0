package com.emporium.order.checkout;

import com.emporium.order.orders.OrderId;

/**
 * The answer to placing an order: the order's id and its JSON, exactly as first answered.
 *
 * @param replayed whether this is the stored answer to an earlier request with the same {@code Idempotency-Key}
 */
public record Placement(OrderId orderId, String body, boolean replayed) {
}
