package com.emporium.inventory.reservation;

import com.emporium.inventory.catalog.Money;
import com.emporium.inventory.catalog.ProductId;

/** One product of a reservation, with its sku, name and unit price as they were when it was reserved. */
public record ReservationLine(ProductId productId, String sku, String name, int quantity, Money unitPrice) {
}
