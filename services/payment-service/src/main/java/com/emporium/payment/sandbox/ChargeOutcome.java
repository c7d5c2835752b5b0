package com.emporium.payment.sandbox;

import java.util.List;

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

    /**
     * The provider refused the request itself (400): nothing was charged. {@code fields} are the request's fields it
     * named ({@code token} for an unknown token, {@code amount} for one it does not take); empty when it named none.
     */
    record Rejected(List<String> fields) implements ChargeOutcome {
    }
}
