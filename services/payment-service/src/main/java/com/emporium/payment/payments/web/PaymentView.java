package com.emporium.payment.payments.web;

import com.emporium.payment.Money;
import com.emporium.payment.payments.Payment;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A payment as the API shows it (contracts/payment-service.yaml, schema {@code Payment}); nulls are shown. */
@JsonInclude(JsonInclude.Include.ALWAYS)
record PaymentView(UUID id, UUID orderId, String status, BigDecimal amount, String currency,
        @Nullable String failureReason, @Nullable Card card, @Nullable Refund refund, Instant createdAt,
        Instant updatedAt) {

    record Card(String brand, String last4) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Refund(UUID id, String status, String reason, BigDecimal amount, @Nullable Instant refundedAt) {
    }

    static PaymentView of(Payment payment) {
        Card card = payment.cardBrand() == null || payment.cardLast4() == null ? null
                : new Card(payment.cardBrand(), payment.cardLast4());
        Payment.Refund refund = payment.refund();
        return new PaymentView(payment.id(), payment.orderId(), payment.displayStatus(),
                Money.toDecimal(payment.amountMinor()), payment.currency(), payment.failureReason(), card,
                refund == null ? null : new Refund(refund.id(), refund.status(), refund.reason(),
                        Money.toDecimal(refund.amountMinor()), refund.refundedAt()),
                payment.createdAt(), payment.updatedAt());
    }
}
