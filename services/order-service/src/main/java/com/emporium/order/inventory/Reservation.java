package com.emporium.order.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Stock inventory-service holds for an order, with the prices it fixed when it reserved it.
 *
 * @param status {@code held}, {@code committed}, {@code released} or {@code expired}
 */
public record Reservation(UUID orderId, String status, Instant expiresAt, List<Line> lines, BigDecimal totalAmount,
        String currency) {

    public record Line(UUID productId, String sku, String name, int quantity, BigDecimal unitPrice) {
    }

    /** Whether the stock is still set aside for the order. */
    public boolean isHeld() {
        return "held".equals(status);
    }
}
