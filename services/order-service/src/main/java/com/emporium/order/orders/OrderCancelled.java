package com.emporium.order.orders;

import com.emporium.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** An order was cancelled: inventory puts its stock back; a payment it had is refunded (issue 7). */
@EventType(name = "OrderCancelled", version = 1, routingKey = "order.cancelled")
public record OrderCancelled(UUID orderId, UUID customerId, CancellationReason reason, OrderStatus previousStatus,
        Instant cancelledAt) {
}
