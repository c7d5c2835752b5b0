package com.emporium.payment.sandbox;

/** What became of a charge, as far as payment-service can tell. */
public sealed interface ChargeOutcome {

    /** The provider charged the card. */
    record Charged(String chargeId, String brand, String last4) implements ChargeOutcome {
    }

    /** The provider declined the card ({@code card-declined}, {@code insufficient-funds}); it recorded the attempt. */
    record Declined(String declineCode) implements ChargeOutcome {
    }

    /** No answer came in time, or one that could not be read: the provider may or may not have charged. */
    record Unknown(String why) implements ChargeOutcome {
    }

    /** The provider refused the request itself (an unknown token, say): nothing was charged. */
    record Rejected(String field, String why) implements ChargeOutcome {
    }
}
