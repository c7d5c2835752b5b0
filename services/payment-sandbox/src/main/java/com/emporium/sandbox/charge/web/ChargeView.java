package com.emporium.sandbox.charge.web;

import com.emporium.sandbox.charge.Amounts;
import com.emporium.sandbox.charge.Charge;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A charge on the wire; {@code declineCode} only on a declined one, {@code description} only when one was given. */
record ChargeView(String id, String status, @Nullable String declineCode, BigDecimal amount, String currency,
        String token, Card card, String reference, @Nullable String description, BigDecimal amountRefunded,
        List<RefundView> refunds, Instant createdAt, String idempotencyKey) {

    static ChargeView of(Charge charge) {
        return new ChargeView(charge.id(), charge.status().wireName(), charge.declineCode(),
                Amounts.toDecimal(charge.amount()), charge.currency(), charge.token(),
                new Card(charge.cardBrand(), charge.cardLast4()), charge.reference(), charge.description(),
                Amounts.toDecimal(charge.amountRefunded()), charge.refunds().stream().map(RefundView::of).toList(),
                charge.createdAt(), charge.idempotencyKey());
    }

    record Card(String brand, String last4) {
    }
}
