package com.emporium.order.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An order as the HTTP API shows it (contracts/order-service.yaml, schema {@code Order}). */
public record OrderView(UUID orderId, UUID customerId, OrderStatus status, List<Item> items, BigDecimal totalAmount,
        String currency, ShippingAddress shippingAddress, Instant paymentDueBy, Instant placedAt, Instant updatedAt,
        @Nullable Instant cancelledAt, @Nullable CancellationReason cancellationReason, @Nullable UUID paymentId) {

    public record Item(UUID productId, String sku, String name, int quantity, BigDecimal unitPrice,
            BigDecimal lineTotal) {
    }

    public static OrderView of(Order order) {
        return new OrderView(order.id().value(), order.customerId().value(), order.status(),
                order.lines().stream().map(line -> new Item(line.productId(), line.sku(), line.name(), line.quantity(),
                        Money.toDecimal(line.unitPrice()), Money.toDecimal(line.lineTotal()))).toList(),
                Money.toDecimal(order.totalAmount()), order.currency(), order.shippingAddress(), order.paymentDueBy(),
                order.placedAt(), order.updatedAt(), order.cancelledAt(), order.cancellationReason(), order.paymentId());
    }
}
