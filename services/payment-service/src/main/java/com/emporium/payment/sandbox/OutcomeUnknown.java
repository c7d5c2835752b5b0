package com.emporium.payment.sandbox;

/**
 * One attempt whose request may have reached the provider (a read timeout, a dropped connection, a 5xx other than
 * 503): never retried, since a retry could not tell; counted by the circuit breaker.
 */
final class OutcomeUnknown extends RuntimeException {

    OutcomeUnknown(String message, Throwable cause) {
        super(message, cause);
    }

    OutcomeUnknown(String message) {
        super(message);
    }
}
