package com.emporium.payment.sandbox;

import java.time.Duration;

/**
 * The provider surely did not charge: it could not be reached (or kept answering 503) on every attempt, or its
 * circuit breaker is open. {@code retryAfter} says when to try again.
 */
public final class ProviderUnavailable extends RuntimeException {

    private final Duration retryAfter;

    ProviderUnavailable(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
