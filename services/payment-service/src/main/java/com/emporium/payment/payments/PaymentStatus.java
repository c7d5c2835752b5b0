package com.emporium.payment.payments;

import java.util.Locale;

/** A payment's charge: in flight (or its answer lost), charged, or not charged. */
public enum PaymentStatus {
    PROCESSING, SUCCEEDED, FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static PaymentStatus of(String wireName) {
        return valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
