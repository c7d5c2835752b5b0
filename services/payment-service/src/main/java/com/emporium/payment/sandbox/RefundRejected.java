package com.emporium.payment.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * The provider refused a refund for good (a 4xx: an unknown charge, a refund exceeding it, one it cannot refund):
 * asking again with the same request gets the same answer.
 */
public final class RefundRejected extends RuntimeException {

    private final int status;
    private final @Nullable String type;

    RefundRejected(int status, @Nullable String type) {
        super("the payment provider refused the refund: " + status + (type == null ? "" : " " + type));
        this.status = status;
        this.type = type;
    }

    public int status() {
        return status;
    }

    public @Nullable String type() {
        return type;
    }
}
