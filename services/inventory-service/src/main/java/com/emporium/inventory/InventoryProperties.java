package com.emporium.inventory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything inventory-service can be told, validated at start-up.
 *
 * @param currency the store's one currency (ISO 4217), named beside every price
 */
@Validated
@ConfigurationProperties("emporium.inventory")
public record InventoryProperties(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @Valid @NotNull Reservations reservations,
        @Valid @NotNull DemoCatalog demoCatalog,
        @Valid @NotNull Images images,
        @Valid @NotNull Catalog catalog) {

    /**
     * @param pageCacheTtl how long an anonymous shopper's page of the product list may be answered from memory
     *        (its {@code available} is then at most this old; one product, the admin list and reservations are
     *        always read afresh); zero turns the cache off
     * @param pageCacheSize how many distinct pages (query, filter, sort, page) are kept at most
     */
    public record Catalog(@NotNull Duration pageCacheTtl, @Min(1) @Max(1_000_000) int pageCacheSize) {

        @AssertTrue(message = "page-cache-ttl must not be negative")
        public boolean isTtlNotNegative() {
            return pageCacheTtl == null || !pageCacheTtl.isNegative();
        }
    }

    /**
     * @param hold how long a reservation holds its stock unless its order is confirmed or cancelled first; it
     *        must outlast order-service's payment window, so that an unpaid order is cancelled before its stock
     *        could be sold to someone else
     * @param expiryCheck how often an instance looks for held reservations past their hold
     * @param expiryBatchSize reservations expired per transaction
     */
    public record Reservations(@NotNull Duration hold, @NotNull Duration expiryCheck,
            @Min(1) @Max(10_000) int expiryBatchSize) {

        @AssertTrue(message = "hold and expiry-check must be positive")
        public boolean isPositive() {
            return hold == null || expiryCheck == null || (hold.isPositive() && expiryCheck.isPositive());
        }
    }

    /** @param enabled load the demo catalog into an empty products table at start-up (never in production) */
    public record DemoCatalog(boolean enabled) {
    }

    /** @param maxAge how long browsers and proxies may keep a product image without asking again */
    public record Images(@NotNull Duration maxAge) {
    }
}
