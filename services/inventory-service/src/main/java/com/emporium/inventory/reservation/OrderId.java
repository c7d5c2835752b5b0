package com.emporium.inventory.reservation;

import java.util.UUID;

/** The order a reservation holds stock for; order-service makes it before it reserves. */
public record OrderId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
