package com.emporium.order.orders;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which orders a list shows; every part is optional. {@code placedFrom} is inclusive, {@code placedTo}
 * exclusive.
 */
public record OrderFilter(@Nullable OrderStatus status, @Nullable CustomerId customerId,
        @Nullable Instant placedFrom, @Nullable Instant placedTo) {

    public static OrderFilter ownedBy(CustomerId customer, @Nullable OrderStatus status) {
        return new OrderFilter(status, customer, null, null);
    }
}
