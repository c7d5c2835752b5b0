package com.emporium.sandbox.charge;

/** What a charge request got: a charge made now, or the one its {@code Idempotency-Key} made before. */
public sealed interface ChargeOutcome {

    Charge charge();

    record Created(Charge charge) implements ChargeOutcome {
    }

    /** The first answer again: the charge as it was made, refunds since then left out. */
    record Replayed(Charge charge) implements ChargeOutcome {
    }
}
