package com.emporium.sandbox.charge.web;

import com.emporium.sandbox.charge.Amounts;
import com.emporium.sandbox.charge.Refund;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A refund on the wire; it has succeeded once it exists. */
record RefundView(String id, String chargeId, BigDecimal amount, String currency, String status,
        @Nullable String reason, Instant createdAt) {

    static RefundView of(Refund refund) {
        return new RefundView(refund.id(), refund.chargeId(), Amounts.toDecimal(refund.amount()), refund.currency(),
                "succeeded", refund.reason(), refund.createdAt());
    }
}
