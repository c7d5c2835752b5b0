package com.emporium.inventory.reservation;

import com.emporium.inventory.catalog.ProductId;

/** A quantity of a product an order asks to reserve. */
public record RequestedLine(ProductId productId, int quantity) {
}
