package com.emporium.payment.payments;

import com.emporium.platform.events.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A payment was charged (contracts/events.yaml). */
@EventType(name = "PaymentSucceeded", version = 1, routingKey = "payment.succeeded")
public record PaymentSucceeded(UUID paymentId, UUID orderId, UUID customerId, BigDecimal amount, String currency,
        String chargeId, Instant succeededAt) {
}
