package com.emporium.order.orders;

import java.util.UUID;

/** A product, how many, and the unit price inventory reserved it at (minor units). */
public record OrderLine(UUID productId, String sku, String name, int quantity, long unitPrice) {

    public long lineTotal() {
        return Math.multiplyExact(unitPrice, quantity);
    }
}
