package com.emporium.order.orders;

import com.emporium.platform.events.EventType;
import java.time.Instant;
import java.util.UUID;

/** A shipped order was delivered. */
@EventType(name = "OrderDelivered", version = 1, routingKey = "order.delivered")
public record OrderDelivered(UUID orderId, UUID customerId, Instant deliveredAt) {
}
