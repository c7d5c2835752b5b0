package com.emporium.payment.payments;

import com.emporium.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A charged payment was refunded in full (contracts/events.yaml). */
@EventType(name = "PaymentRefunded", version = 1, routingKey = "payment.refunded")
public record PaymentRefunded(UUID paymentId, UUID refundId, UUID orderId, UUID customerId, BigDecimal amount,
        String currency, String reason, Instant refundedAt) {
}
