package com.emporium.inventory.catalog.web;

import com.emporium.inventory.InventoryProperties;
import com.emporium.inventory.catalog.CatalogService;
import com.emporium.inventory.catalog.ProductId;
import com.emporium.platform.web.PageResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public catalog: anyone may browse it, no token needed. */
@RestController
@RequestMapping("/api/inventory")
class ProductController {

    private final CatalogService catalog;
    private final String currency;

    ProductController(CatalogService catalog, InventoryProperties properties) {
        this.catalog = catalog;
        this.currency = properties.currency();
    }

    @GetMapping("/products")
    PageResponse<ProductView> list(@RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category) {
        return catalog.shopWindow(CatalogParameters.query(page, size, sort, q, category))
                .map(product -> ProductView.of(product, currency));
    }

    /**
     * One product. Its ETag is the product's version, written straight to the response so that Spring does not
     * answer a conditional GET with 304: the version does not change when stock does, so a cached copy's
     * {@code available} could be stale.
     */
    @GetMapping("/products/{productId}")
    ProductView one(@PathVariable UUID productId, HttpServletResponse response) {
        var product = catalog.product(new ProductId(productId));
        response.setHeader(HttpHeaders.ETAG, Versions.etag(product.version()));
        return ProductView.of(product, currency);
    }

    @GetMapping("/categories")
    CategoriesView categories() {
        return CategoriesView.of(catalog.categories());
    }
}
