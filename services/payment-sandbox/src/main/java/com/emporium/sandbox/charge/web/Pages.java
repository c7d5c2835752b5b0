package com.emporium.sandbox.charge.web;

import com.emporium.platform.web.PageResponse;
import com.emporium.sandbox.web.Paging;
import java.util.List;

/** The list shape every Emporium list answers with, which the sandbox keeps. */
final class Pages {

    private Pages() {
    }

    static <T> PageResponse<T> of(List<T> items, Paging paging, long total) {
        int pages = (int) ((total + paging.size() - 1) / paging.size());
        return new PageResponse<>(items, paging.page(), paging.size(), total, pages);
    }
}
