/**
 * Checkout: placing an order. Stock is reserved at inventory-service first (prices and total come from there),
 * then the order is stored with its {@code OrderPlaced}; {@code Idempotency-Key}s make a retried request safe.
 */
@NullMarked
package com.emporium.order.checkout;

import org.jspecify.annotations.NullMarked;
