package com.emporium.order;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything order-service can be told, validated at start-up.
 *
 * @param paymentWindow how long a placed order waits for its payment before it is cancelled
 *     ({@code paymentDueBy = placedAt + paymentWindow}); inventory's reservation hold must outlast it
 * @param paymentExpiryCheck how often the job looks for pending orders past their payment window
 * @param paymentExpiryBatch how many overdue orders one round of that job cancels, at most
 * @param maxPendingPerCustomer how many unpaid orders one customer may have at once (stops stock hoarding)
 * @param reservationMargin how long before its reservation's hold ends an order's payment window closes at the
 *     latest: a retry that reuses an older reservation gets a shorter window, never one past the stock's hold
 */
@Validated
@ConfigurationProperties("emporium.orders")
public record OrderServiceProperties(
        @NotNull Duration paymentWindow,
        @NotNull Duration paymentExpiryCheck,
        @Min(1) int paymentExpiryBatch,
        @Min(1) int maxPendingPerCustomer,
        @NotNull Duration reservationMargin,
        @Valid @NotNull Idempotency idempotency,
        @Valid @NotNull Inventory inventory,
        @Valid @NotNull ServiceToken serviceToken) {

    /**
     * @param retention how long an {@code Idempotency-Key} and its first answer are kept (ARCHITECTURE.md: at
     *     least 24 hours)
     * @param purgeInterval how often keys older than that are deleted
     */
    public record Idempotency(@NotNull Duration retention, @NotNull Duration purgeInterval) {

        @AssertTrue(message = "idempotency.retention must be at least 24 hours")
        public boolean isRetentionAtLeastADay() {
            return retention == null || retention.compareTo(Duration.ofHours(24)) >= 0;
        }
    }

    /**
     * inventory-service's internal reservation API, and how hard to try it.
     *
     * @param url its base URL
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout how long to wait for an answer once the request is sent
     * @param retryAfter the {@code Retry-After} a caller is given when inventory failed (an open breaker gives its
     *     own remaining wait instead)
     */
    public record Inventory(@NotNull URI url, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
            @Valid @NotNull Retry retry, @Valid @NotNull CircuitBreaker circuitBreaker,
            @NotNull Duration retryAfter) {
    }

    /**
     * Attempts of one reservation: the first, then retries after {@code initialBackoff}, growing by
     * {@code multiplier} up to {@code maxBackoff}. Safe because a reservation is idempotent by order id.
     */
    public record Retry(@Min(1) @Max(10) int maxAttempts, @NotNull Duration initialBackoff,
            @DecimalMin("1.0") double multiplier, @NotNull Duration maxBackoff) {
    }

    /**
     * Opens when at least {@code failureRateThreshold} percent of the last {@code slidingWindowSize} calls (and
     * no fewer than {@code minimumCalls}) failed; stays open {@code openWait}, then lets {@code halfOpenCalls}
     * calls through to decide whether to close.
     */
    public record CircuitBreaker(@Min(1) @Max(100) int failureRateThreshold, @Min(1) int slidingWindowSize,
            @Min(1) int minimumCalls, @NotNull Duration openWait, @Min(1) int halfOpenCalls) {
    }

    /**
     * The service's own token (OAuth2 client credentials at user-service's {@code /oauth2/token}), kept until
     * {@code refreshBeforeExpiry} before it expires. A request for one that failed is remembered for
     * {@code failureMemory}: the checkouts meanwhile fail at once instead of each asking a sick user-service again.
     */
    public record ServiceToken(@NotNull URI userServiceUrl, @NotBlank String clientId, @NotBlank String clientSecret,
            @NotNull Duration refreshBeforeExpiry, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
            @NotNull Duration failureMemory) {
    }
}
