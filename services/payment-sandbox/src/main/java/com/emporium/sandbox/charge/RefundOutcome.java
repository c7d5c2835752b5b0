package com.emporium.sandbox.charge;

/** What a refund request got: a refund made now, or the one its {@code Idempotency-Key} made before. */
public sealed interface RefundOutcome {

    Refund refund();

    record Created(Refund refund) implements RefundOutcome {
    }

    record Replayed(Refund refund) implements RefundOutcome {
    }
}
