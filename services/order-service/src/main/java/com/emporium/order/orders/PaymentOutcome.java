package com.emporium.order.orders;

/** What a succeeded payment did to its order ({@link OrderLifecycle#paid}). */
public sealed interface PaymentOutcome {

    /** The order as it is now. */
    Order order();

    /** It was pending and is now confirmed, with {@code OrderConfirmed} in the outbox. */
    record Confirmed(Order order) implements PaymentOutcome {
    }

    /** This payment had confirmed it already: a redelivered event. */
    record AlreadyConfirmed(Order order) implements PaymentOutcome {
    }

    /**
     * Another payment had confirmed it. payment-service lets one payment per order be live, so this means a fault
     * there; the order keeps its first payment.
     */
    record PaidTwice(Order order) implements PaymentOutcome {
    }

    /**
     * It was pending, but past its payment window and the margin its reservation holds beyond it: cancelled now
     * ({@code payment-expired}, with {@code OrderCancelled}), and payment-service refunds the payment.
     */
    record PaidTooLate(Order order) implements PaymentOutcome {
    }

    /** It was cancelled before the payment succeeded: it stays cancelled, and payment-service refunds the payment. */
    record PaidAfterCancellation(Order order) implements PaymentOutcome {
    }
}
