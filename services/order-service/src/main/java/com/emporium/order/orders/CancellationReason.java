package com.emporium.order.orders;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** Who or what cancelled an order. */
public enum CancellationReason {
    CUSTOMER("customer"), PAYMENT_EXPIRED("payment-expired"), ADMIN("admin");

    private final String wireName;

    CancellationReason(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    static CancellationReason fromWire(String value) {
        return Arrays.stream(values()).filter(reason -> reason.wireName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown cancellation reason: " + value));
    }
}
