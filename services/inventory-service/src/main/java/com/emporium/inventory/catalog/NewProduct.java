package com.emporium.inventory.catalog;

/** A product an admin adds to the catalog, with the stock it starts with. */
public record NewProduct(String sku, ProductDetails details, int onHand) {
}
