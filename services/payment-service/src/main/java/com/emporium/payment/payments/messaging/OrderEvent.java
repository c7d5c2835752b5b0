package com.emporium.payment.payments.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * order-service's order events (v1), read for what payment-service needs: the owner always, the amount, currency
 * and deadline from {@code OrderPlaced}. Other fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderEvent(@Nullable UUID orderId, @Nullable UUID customerId, @Nullable BigDecimal totalAmount,
        @Nullable String currency, @Nullable Instant paymentDueBy) {
}
