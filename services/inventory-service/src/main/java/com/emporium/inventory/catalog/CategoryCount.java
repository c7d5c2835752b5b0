package com.emporium.inventory.catalog;

/** A category and how many products it holds. */
public record CategoryCount(String name, long products) {
}
