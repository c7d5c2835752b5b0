package com.emporium.payment.orders;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An order as payment-service knows it. The amount, currency and deadline are null until {@code OrderPlaced} (or
 * order-service's API) has told them; the owner and status come with every event.
 */
public record OrderFacts(UUID orderId, UUID customerId, @Nullable Long amountMinor, @Nullable String currency,
        @Nullable Instant paymentDueBy, OrderStatus status) {

    /** Whether the amount to charge is known. */
    public boolean isPriced() {
        return amountMinor != null && currency != null && paymentDueBy != null;
    }
}
