package com.emporium.payment.payments;

import com.emporium.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment was declined, or its charge never reached the provider (contracts/events.yaml). */
@EventType(name = "PaymentFailed", version = 1, routingKey = "payment.failed")
public record PaymentFailed(UUID paymentId, UUID orderId, UUID customerId, BigDecimal amount, String currency,
        String reason, Instant failedAt) {
}
