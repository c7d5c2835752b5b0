package com.emporium.inventory.catalog;

import com.emporium.inventory.InventoryProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo catalog ({@code catalog/demo-catalog.json}): loaded at start-up when
 * {@code emporium.inventory.demo-catalog.enabled} ({@code DEMO_CATALOG}) is on and the products table is empty, so
 * a developer's or the run command's fresh database has something to browse, and a database that has products
 * is never touched. A service started with the demo catalog under a {@code production} profile refuses to start.
 */
@Component
class DemoCatalog implements ApplicationRunner {

    static final String PRODUCTION_PROFILE = "production";
    static final String LOCATION = "catalog/demo-catalog.json";
    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final boolean enabled;
    private final ProductRepository products;
    private final ProductImages images;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoCatalog(InventoryProperties properties, Environment environment, ProductRepository products,
            ProductImages images, JsonMapper json, PlatformTransactionManager transactions, Clock clock) {
        this.enabled = properties.demoCatalog().enabled();
        if (enabled && environment.matchesProfiles(PRODUCTION_PROFILE)) {
            throw new DemoCatalogRefused(PRODUCTION_PROFILE);
        }
        this.products = products;
        this.images = images;
        this.json = json;
        this.transactions = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One product of the file; its price is a decimal of the store currency. */
    record Item(String sku, String name, String description, BigDecimal price, String category, String image,
            int onHand) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (enabled) {
            int loaded = load();
            if (loaded > 0) {
                log.info("Loaded the demo catalog: {} products", loaded);
            } else {
                log.info("The demo catalog is enabled, but the catalog has products already: nothing loaded");
            }
        }
    }

    /** Loads every demo product if the catalog is empty, in one transaction; how many it loaded. */
    int load() {
        List<Item> items = items();
        Integer loaded = transactions.execute(status -> {
            // two instances starting at once on an empty database: the second waits, then finds products
            products.lockCatalogLoad();
            if (products.count() > 0) {
                return 0;
            }
            Instant now = clock.instant();
            for (Item item : items) {
                products.insert(product(item, now));
            }
            return items.size();
        });
        return loaded == null ? 0 : loaded;
    }

    List<Item> items() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            return json.readValue(in, new TypeReference<List<Item>>() { });
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + LOCATION, ex);
        }
    }

    private Product product(Item item, Instant now) {
        if (!images.exists(item.image())) {
            throw new IllegalStateException(LOCATION + ": " + item.sku() + " names the image " + item.image()
                    + ", which is not in catalog/images");
        }
        return new Product(ProductId.random(), CatalogService.normalizeSku(item.sku()), item.name(),
                item.description(), Money.ofDecimal(item.price()), item.category(), item.image(), 1,
                new Stock(item.onHand(), 0), now, now);
    }
}
