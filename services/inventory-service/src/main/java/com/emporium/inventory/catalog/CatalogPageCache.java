package com.emporium.inventory.catalog;

import com.emporium.inventory.InventoryProperties;
import com.emporium.platform.web.PageResponse;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Pages of the public product list, kept for a second or so. The first page of a shop is what every visitor asks
 * for; answering it from memory takes the database out of the busiest read, at the price of an {@code available}
 * that may be that much behind. Reservations never read it, so nothing is ever oversold by it.
 */
final class CatalogPageCache {

    private final @Nullable Cache<CatalogQuery, PageResponse<Product>> pages;

    CatalogPageCache(InventoryProperties.Catalog settings, Ticker ticker) {
        this.pages = settings.pageCacheTtl().isZero() ? null
                : Caffeine.newBuilder()
                        .expireAfterWrite(settings.pageCacheTtl())
                        .maximumSize(settings.pageCacheSize())
                        .ticker(ticker)
                        .build();
    }

    /** The page for this query: kept, or read with {@code read} and kept. */
    PageResponse<Product> get(CatalogQuery query, Function<CatalogQuery, PageResponse<Product>> read) {
        return pages == null ? read.apply(query) : pages.get(query, read);
    }
}
