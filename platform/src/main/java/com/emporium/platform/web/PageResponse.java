package com.emporium.platform.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list, in the shape every Emporium list answers with. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
        int totalPages = (int) ((totalItems + query.size() - 1) / query.size());
        return new PageResponse<>(List.copyOf(items), query.page(), query.size(), totalItems, totalPages);
    }

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
    }
}
