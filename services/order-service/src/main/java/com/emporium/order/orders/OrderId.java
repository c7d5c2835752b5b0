package com.emporium.order.orders;

import java.util.UUID;

/** An order's id, chosen by order-service before it reserves stock (inventory knows the reservation by it). */
public record OrderId(UUID value) {

    public static OrderId random() {
        return new OrderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
