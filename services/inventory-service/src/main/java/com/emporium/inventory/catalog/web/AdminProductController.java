package com.emporium.inventory.catalog.web;

import com.emporium.inventory.InventoryProperties;
import com.emporium.inventory.catalog.CatalogService;
import com.emporium.inventory.catalog.Product;
import com.emporium.inventory.catalog.ProductId;
import com.emporium.platform.web.PageResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Catalog administration; the path alone requires the admin role (platform security). Every write names the
 * version it was based on in {@code If-Match} and answers the product as it now is, with its new ETag.
 */
@RestController
@RequestMapping("/api/inventory/admin/products")
class AdminProductController {

    private final CatalogService catalog;
    private final String currency;

    AdminProductController(CatalogService catalog, InventoryProperties properties) {
        this.catalog = catalog;
        this.currency = properties.currency();
    }

    @GetMapping
    PageResponse<AdminProductView> list(@RequestParam(required = false) @Nullable Integer page,
            @RequestParam(required = false) @Nullable Integer size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String category) {
        return catalog.list(CatalogParameters.query(page, size, sort, q, category))
                .map(product -> AdminProductView.of(product, currency));
    }

    @PostMapping
    ResponseEntity<AdminProductView> create(@Valid @RequestBody ProductRequest request) {
        Product product = catalog.create(request.toNewProduct());
        return ResponseEntity.created(URI.create("/api/inventory/admin/products/" + product.id()))
                .eTag(Versions.etag(product.version()))
                .body(AdminProductView.of(product, currency));
    }

    /** The ETag is written past Spring's conditional-GET handling, as on the public product (stock moves under it). */
    @GetMapping("/{productId}")
    AdminProductView one(@PathVariable UUID productId, HttpServletResponse response) {
        Product product = catalog.product(new ProductId(productId));
        response.setHeader(HttpHeaders.ETAG, Versions.etag(product.version()));
        return AdminProductView.of(product, currency);
    }

    @PutMapping("/{productId}")
    ResponseEntity<AdminProductView> update(@PathVariable UUID productId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductUpdateRequest request) {
        long version = Versions.fromIfMatch(ifMatch);
        return answer(catalog.update(new ProductId(productId), version, request.toDetails()));
    }

    @PostMapping("/{productId}/stock-adjustments")
    ResponseEntity<AdminProductView> adjustStock(@AuthenticationPrincipal Jwt token, @PathVariable UUID productId,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody StockAdjustmentRequest request) {
        int delta = Objects.requireNonNull(request.delta());
        if (delta == 0) {
            throw CatalogParameters.invalid("delta", "must not be 0");
        }
        long version = Versions.fromIfMatch(ifMatch);
        return answer(catalog.adjustStock(new ProductId(productId), version, delta, token.getSubject()));
    }

    private ResponseEntity<AdminProductView> answer(Product product) {
        return ResponseEntity.ok().eTag(Versions.etag(product.version())).body(AdminProductView.of(product, currency));
    }
}
