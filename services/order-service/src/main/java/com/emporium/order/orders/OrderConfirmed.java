package com.emporium.order.orders;

import com.emporium.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order was paid and confirmed: inventory commits its reserved stock. */
@EventType(name = "OrderConfirmed", version = 1, routingKey = "order.confirmed")
public record OrderConfirmed(UUID orderId, UUID customerId, BigDecimal totalAmount, String currency,
        Instant confirmedAt) {
}
