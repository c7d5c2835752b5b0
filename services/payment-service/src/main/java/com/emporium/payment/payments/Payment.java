package com.emporium.payment.payments;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A payment as stored, with its refund when it has one. */
public record Payment(UUID id, UUID orderId, UUID customerId, long amountMinor, String currency, PaymentStatus status,
        @Nullable String failureReason, @Nullable String chargeId, @Nullable String cardBrand,
        @Nullable String cardLast4, String refundStatus, Instant createdAt, Instant updatedAt,
        @Nullable Refund refund) {

    /** A payment's full refund. */
    public record Refund(UUID id, String status, String reason, long amountMinor, @Nullable Instant refundedAt) {
    }

    /**
     * What the API calls its status: {@code refunded} once the refund of its charge went through. A failed payment
     * whose orphan charge was refunded stays {@code failed} (its {@code refund} shows the money going back).
     */
    public String displayStatus() {
        return status == PaymentStatus.SUCCEEDED && "refunded".equals(refundStatus) ? "refunded" : status.wireName();
    }
}
