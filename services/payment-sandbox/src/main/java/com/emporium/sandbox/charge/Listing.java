package com.emporium.sandbox.charge;

import java.util.List;

/** One slice of a list, and how many items the whole list has. */
public record Listing<T>(List<T> items, long total) {

    public Listing {
        items = List.copyOf(items);
    }
}
