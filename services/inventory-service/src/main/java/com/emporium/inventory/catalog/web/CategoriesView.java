package com.emporium.inventory.catalog.web;

import com.emporium.inventory.catalog.CategoryCount;
import java.util.List;

/** Every category that has products, by name, with how many. */
record CategoriesView(List<Category> items) {

    record Category(String name, long productCount) {
    }

    static CategoriesView of(List<CategoryCount> categories) {
        return new CategoriesView(categories.stream().map(c -> new Category(c.name(), c.products())).toList());
    }
}
