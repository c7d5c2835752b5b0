package com.emporium.inventory.catalog;

/** What an admin sets about a product besides its sku and stock. */
public record ProductDetails(String name, String description, Money price, String category, String image) {
}
