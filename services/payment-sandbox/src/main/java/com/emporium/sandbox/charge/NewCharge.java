package com.emporium.sandbox.charge;

import org.jspecify.annotations.Nullable;

/** A checked request to charge a token; {@code amount} in minor units. */
public record NewCharge(String idempotencyKey, String token, long amount, String currency, String reference,
        @Nullable String description) {

    String requestHash() {
        return RequestHash.of("charge", token, amount, currency, reference, description);
    }
}
