package com.emporium.order.orders;

import java.util.UUID;

/** The owner of an order: the subject of the access token that placed it (a user-service account id). */
public record CustomerId(UUID value) {

    @Override
    public String toString() {
        return value.toString();
    }
}
