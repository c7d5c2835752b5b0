package com.emporium.inventory.catalog.web;

import com.emporium.inventory.catalog.Product;
import com.emporium.inventory.catalog.ProductImages;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A product as an admin sees it: every stock figure, and the version that {@code If-Match} names. */
record AdminProductView(UUID productId, String sku, String name, String description, BigDecimal price,
        String currency, String category, String image, String imageUrl, int onHand, int reserved, int available,
        long version, Instant createdAt, Instant updatedAt) {

    static AdminProductView of(Product product, String currency) {
        return new AdminProductView(product.id().value(), product.sku(), product.name(), product.description(),
                product.price().decimal(), currency, product.category(), product.image(),
                ProductImages.url(product.image()), product.stock().onHand(), product.stock().reserved(),
                product.stock().available(), product.version(), product.createdAt(), product.updatedAt());
    }
}
