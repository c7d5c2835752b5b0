package com.emporium.inventory.catalog;

import java.time.Instant;

/**
 * A product of the catalog with its stock. {@code version} grows with every admin change (details or stock) and
 * is what {@code If-Match} names; reservations and orders change the stock without touching it.
 */
public record Product(ProductId id, String sku, String name, String description, Money price, String category,
        String image, long version, Stock stock, Instant createdAt, Instant updatedAt) {
}
