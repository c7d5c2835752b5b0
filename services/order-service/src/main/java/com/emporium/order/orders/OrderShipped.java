package com.emporium.order.orders;

import com.emporium.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A confirmed order was shipped. */
@EventType(name = "OrderShipped", version = 1, routingKey = "order.shipped")
public record OrderShipped(UUID orderId, UUID customerId, Instant shippedAt) {
}
