package com.emporium.payment.sandbox;

/** What the provider knows of a charge asked for by its idempotency key. */
public sealed interface LookupOutcome {

    /** It has a charge under the key: charged or declined. */
    record Found(ChargeOutcome outcome) implements LookupOutcome {
    }

    /** It never received a charge with that key. */
    record NotFound() implements LookupOutcome {
    }
}
