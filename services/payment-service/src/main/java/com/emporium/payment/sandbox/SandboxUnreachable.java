package com.emporium.payment.sandbox;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One attempt the provider surely did not act on: no connection (refused, or not made in time), or its 503. Retried
 * (after {@code retryAfter} when the provider said so), and counted by the circuit breaker.
 */
final class SandboxUnreachable extends RuntimeException {

    private final @Nullable Duration retryAfter;

    SandboxUnreachable(String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    @Nullable Duration retryAfter() {
        return retryAfter;
    }
}
