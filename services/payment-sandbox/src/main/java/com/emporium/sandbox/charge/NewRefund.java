package com.emporium.sandbox.charge;

import org.jspecify.annotations.Nullable;

/** A checked request to refund a charge; {@code amount} in minor units, or {@code null} for all that is left. */
public record NewRefund(String idempotencyKey, String chargeId, @Nullable Long amount, @Nullable String reason) {

    String requestHash() {
        return RequestHash.of("refund", chargeId, amount, reason);
    }
}
