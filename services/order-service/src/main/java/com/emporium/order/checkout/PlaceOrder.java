package com.emporium.order.checkout;

import com.emporium.order.orders.CustomerId;
import com.emporium.order.orders.ShippingAddress;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A customer's request to order these items, already validated (1 to 100 items, each product once, quantities 1
 * to 1000). Prices are not part of it: they come from inventory-service.
 *
 * @param idempotencyKey the request's {@code Idempotency-Key}, if it had one
 */
public record PlaceOrder(CustomerId customer, List<Item> items, ShippingAddress shippingAddress,
        @Nullable String idempotencyKey) {

    public PlaceOrder {
        items = List.copyOf(items);
    }

    public record Item(UUID productId, int quantity) {
    }

    /** What the request asks for, the key aside: two requests with one key must ask for the same. */
    record Content(List<Item> items, ShippingAddress shippingAddress) {
    }

    Content content() {
        return new Content(items, shippingAddress);
    }
}
