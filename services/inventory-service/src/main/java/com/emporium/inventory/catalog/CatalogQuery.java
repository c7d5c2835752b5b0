package com.emporium.inventory.catalog;

import com.emporium.platform.web.PageQuery;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A page of the catalog: optionally only one category, optionally only what matches a text. A text search with
 * no explicit sort is ordered by relevance.
 */
public record CatalogQuery(PageQuery page, boolean sortGiven, @Nullable String text, @Nullable String category) {

    /** The fields a product list may be sorted by. */
    public static final Set<String> SORTABLE = Set.of("name", "price", "sku");
    public static final String DEFAULT_SORT = "name,asc";
    public static final int MAX_TEXT_LENGTH = 100;

    public boolean byRelevance() {
        return text != null && !sortGiven;
    }
}
