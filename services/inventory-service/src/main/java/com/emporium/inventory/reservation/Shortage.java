package com.emporium.inventory.reservation;

import com.emporium.inventory.catalog.ProductId;

/** A line that cannot be reserved: it asks for more than is available. */
public record Shortage(ProductId productId, int requested, int available) {
}
