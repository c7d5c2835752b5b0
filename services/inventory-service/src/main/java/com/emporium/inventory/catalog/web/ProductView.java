package com.emporium.inventory.catalog.web;

import com.emporium.inventory.catalog.Product;
import com.emporium.inventory.catalog.ProductImages;
import java.math.BigDecimal;
import java.util.UUID;

/** A product as anyone may see it: no stock figures but what is available to order. */
record ProductView(UUID productId, String sku, String name, String description, BigDecimal price, String currency,
        String category, String imageUrl, int available) {

    static ProductView of(Product product, String currency) {
        return new ProductView(product.id().value(), product.sku(), product.name(), product.description(),
                product.price().decimal(), currency, product.category(), ProductImages.url(product.image()),
                product.stock().available());
    }
}
