package com.emporium.inventory.catalog;

import com.emporium.inventory.InventoryProperties;
import com.emporium.platform.web.PageResponse;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the catalog, and what an admin may change: products, their details and their stock on hand. */
@Service
public class CatalogService {

    private final ProductRepository products;
    private final ProductImages images;
    private final Clock clock;
    private final CatalogPageCache shopWindow;

    CatalogService(ProductRepository products, ProductImages images, Clock clock, InventoryProperties properties) {
        this.products = products;
        this.images = images;
        this.clock = clock;
        this.shopWindow = new CatalogPageCache(properties.catalog(), Ticker.systemTicker());
    }

    /** The list as an anonymous shopper sees it: a page may be up to {@code page-cache-ttl} old. */
    public PageResponse<Product> shopWindow(CatalogQuery query) {
        return shopWindow.get(query, this::list);
    }

    /** The list as it is now. */
    public PageResponse<Product> list(CatalogQuery query) {
        ProductRepository.Page page = products.page(query);
        return PageResponse.of(page.products(), query.page(), page.totalItems());
    }

    public Product product(ProductId id) {
        return products.find(id).orElseThrow(() -> new ProductNotFound(id));
    }

    public List<CategoryCount> categories() {
        return products.categories();
    }

    /** Adds a product; the sku is kept in upper case and must be unique. */
    @Transactional
    public Product create(NewProduct product) {
        requireKnownImage(product.details().image());
        Instant now = clock.instant();
        String sku = normalizeSku(product.sku());
        ProductDetails details = product.details();
        Product created = new Product(ProductId.random(), sku, details.name(), details.description(), details.price(),
                details.category(), details.image(), 1, new Stock(product.onHand(), 0), now, now);
        try {
            products.insert(created);
        } catch (DuplicateKeyException ex) {
            throw new SkuTaken(sku);
        }
        return product(created.id());
    }

    /** Replaces a product's details if it is still at {@code expectedVersion}. */
    @Transactional
    public Product update(ProductId id, long expectedVersion, ProductDetails details) {
        requireKnownImage(details.image());
        if (!products.updateDetails(id, expectedVersion, details, clock.instant())) {
            throw products.find(id).<RuntimeException>map(stale -> new VersionMismatch(id))
                    .orElseGet(() -> new ProductNotFound(id));
        }
        return product(id);
    }

    /**
     * Adds {@code delta} (negative to take away) to the stock on hand, if the product is still at
     * {@code expectedVersion} and what is reserved still fits; records who did it.
     */
    @Transactional
    public Product adjustStock(ProductId id, long expectedVersion, int delta, String actor) {
        OptionalLong version = products.lockVersion(id);
        if (version.isEmpty()) {
            throw new ProductNotFound(id);
        }
        if (version.getAsLong() != expectedVersion) {
            throw new VersionMismatch(id);
        }
        Stock after = products.adjustOnHand(id, delta)
                .orElseThrow(() -> new StockBelowReserved(id, delta, products.stock(id)));
        Instant now = clock.instant();
        products.bumpVersion(id, now);
        products.recordAdjustment(UUID.randomUUID(), id, delta, after, actor, now);
        return product(id);
    }

    public static String normalizeSku(String sku) {
        return sku.strip().toUpperCase(Locale.ROOT);
    }

    private void requireKnownImage(String image) {
        if (!images.exists(image)) {
            throw new UnknownImage(image);
        }
    }
}
