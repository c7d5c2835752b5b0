package com.emporium.sandbox.charge;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Money given back from a succeeded charge; a refund succeeds when it is recorded, and never changes after. */
public record Refund(String id, String idempotencyKey, String requestHash, String chargeId, long amount,
        String currency, @Nullable String reason, Instant createdAt) {
}
