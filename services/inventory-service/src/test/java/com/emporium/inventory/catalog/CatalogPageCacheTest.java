package com.emporium.inventory.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.inventory.InventoryProperties;
import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CatalogPageCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void answersTheSamePageFromMemoryUntilItsTimeIsUp() {
        CatalogPageCache cache = new CatalogPageCache(new InventoryProperties.Catalog(Duration.ofSeconds(1), 100), ticker);
        CatalogQuery firstPage = query(0);

        cache.get(firstPage, this::read);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        cache.get(firstPage, this::read);

        assertThat(reads).hasValue(1);

        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        cache.get(firstPage, this::read);

        assertThat(reads).hasValue(2);
    }

    @Test
    void keepsEachQueryApart() {
        CatalogPageCache cache = new CatalogPageCache(new InventoryProperties.Catalog(Duration.ofSeconds(1), 100), ticker);

        cache.get(query(0), this::read);
        cache.get(query(1), this::read);
        cache.get(new CatalogQuery(new PageQuery(0, 20, "name", true), false, "lamp", null), this::read);

        assertThat(reads).hasValue(3);
    }

    @Test
    void readsEveryTimeWhenTurnedOff() {
        CatalogPageCache cache = new CatalogPageCache(new InventoryProperties.Catalog(Duration.ZERO, 100), ticker);

        cache.get(query(0), this::read);
        cache.get(query(0), this::read);

        assertThat(reads).hasValue(2);
    }

    private static CatalogQuery query(int page) {
        return new CatalogQuery(new PageQuery(page, 20, "name", true), false, null, null);
    }

    private PageResponse<Product> read(CatalogQuery query) {
        reads.incrementAndGet();
        return PageResponse.of(List.of(), query.page(), 0);
    }
}
