package com.emporium.inventory.catalog.web;

/** The rules every product field follows on the way in, shared by the create and update bodies. */
final class ProductFields {

    static final String SKU = "^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$";
    static final String CATEGORY = "^[a-z0-9]+(-[a-z0-9]+)*$";
    static final String IMAGE = "^[a-z0-9]+(-[a-z0-9]+)*\\.svg$";
    static final String MIN_PRICE = "0.01";
    static final String MAX_PRICE = "1000000.00";
    static final int MAX_ON_HAND = 1_000_000;

    private ProductFields() {
    }
}
