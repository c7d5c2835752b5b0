package com.emporium.inventory.catalog.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * A change to the stock on hand, as a delta: {@code +20} for a delivery, {@code -3} for breakage. A delta, not a
 * new count, because confirmed orders take stock off the shelf between the admin's read and write; a delta adds
 * to whatever is there, where a count would silently undo those orders.
 */
record StockAdjustmentRequest(@NotNull @Min(-ProductFields.MAX_ON_HAND) @Max(ProductFields.MAX_ON_HAND)
        @Nullable Integer delta) {
}
