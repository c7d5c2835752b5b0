package com.emporium.payment.sandbox;

/** A look-up or a refund at the provider got no usable answer; the caller tries again on its next round. */
public final class SandboxFailure extends RuntimeException {

    SandboxFailure(String message) {
        super(message);
    }

    SandboxFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
