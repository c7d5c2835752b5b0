package com.emporium.sandbox.charge;

import org.jspecify.annotations.Nullable;

/** Which charges a list shows: those of one {@code Idempotency-Key}, of one merchant reference, or all. */
public record ChargeFilter(@Nullable String idempotencyKey, @Nullable String reference) {
}
