package com.emporium.order.orders;

import com.emporium.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order was placed: its stock is reserved and it awaits payment until {@code paymentDueBy}. */
@EventType(name = "OrderPlaced", version = 1, routingKey = "order.placed")
public record OrderPlaced(UUID orderId, UUID customerId, List<Line> lines, BigDecimal totalAmount, String currency,
        Instant paymentDueBy, Instant placedAt) {

    public record Line(UUID productId, String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    static OrderPlaced of(Order order) {
        return new OrderPlaced(order.id().value(), order.customerId().value(),
                order.lines().stream().map(line -> new Line(line.productId(), line.sku(), line.name(), line.quantity(),
                        Money.toDecimal(line.unitPrice()))).toList(),
                Money.toDecimal(order.totalAmount()), order.currency(), order.paymentDueBy(), order.placedAt());
    }
}
