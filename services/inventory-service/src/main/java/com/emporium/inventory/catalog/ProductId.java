package com.emporium.inventory.catalog;

import java.util.UUID;

/** Identifies a product; its {@code productId} on the wire. */
public record ProductId(UUID value) implements Comparable<ProductId> {

    public static ProductId random() {
        return new ProductId(UUID.randomUUID());
    }

    /** The order rows are locked in, everywhere, so that two transactions never wait for each other in a circle. */
    @Override
    public int compareTo(ProductId other) {
        return value.toString().compareTo(other.value.toString());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
