package com.emporium.inventory.catalog;

/**
 * A product's stock: {@code onHand} in the warehouse, {@code reserved} by orders not yet confirmed or cancelled,
 * and what is left to sell. The database keeps all three from going negative.
 */
public record Stock(int onHand, int reserved) {

    public int available() {
        return onHand - reserved;
    }
}
