package com.emporium.payment.payments;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The problems of the payment API, each with its stable type (contracts/payment-service.yaml). */
public final class Problems {

    private Problems() {
    }

    /** A problem with the payment's location, and whether it is a stored answer given again. */
    public static final class PaymentDeclined extends ProblemException {

        public PaymentDeclined(Payment payment, boolean replayed) {
            super(HttpStatus.PAYMENT_REQUIRED, ProblemTypes.of("payment-declined"), "Payment Declined",
                    "The card was declined. The order can still be paid with another card and a new Idempotency-Key.");
            getBody().setProperty("declineCode", payment.failureReason());
            getBody().setProperty("paymentId", payment.id());
            getHeaders().set("Location", "/api/payments/" + payment.id());
            if (replayed) {
                getHeaders().set("Idempotent-Replayed", "true");
            }
        }
    }

    /**
     * A payment given up because the provider never received its charge ({@code charge-not-received}): nothing was
     * charged, and the order can be paid with a new key. Not a decline: no {@code declineCode}.
     */
    public static final class ChargeNotReceived extends ProblemException {

        public ChargeNotReceived(Payment payment, boolean replayed) {
            super(HttpStatus.PAYMENT_REQUIRED, ProblemTypes.of("charge-not-received"), "Charge Not Received",
                    "The payment provider never received this payment's charge; nothing was charged. The order can "
                            + "still be paid with a new Idempotency-Key.");
            getBody().setProperty("paymentId", payment.id());
            getHeaders().set("Location", "/api/payments/" + payment.id());
            if (replayed) {
                getHeaders().set("Idempotent-Replayed", "true");
            }
        }
    }

    /** The problem of a failed payment: declined by the provider, or never received by it. */
    public static ProblemException failed(Payment payment, boolean replayed) {
        return PaymentLedger.CHARGE_NOT_RECEIVED.equals(payment.failureReason())
                ? new ChargeNotReceived(payment, replayed) : new PaymentDeclined(payment, replayed);
    }

    static ProblemException orderNotFound(UUID orderId) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.of("order-not-found"), "Order Not Found",
                "No order has the id " + orderId + ".");
    }

    static ProblemException paymentNotFound(UUID id) {
        return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not Found",
                "No payment has the id " + id + ".");
    }

    static ProblemException conflict(String type, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, ProblemTypes.of(type), "Conflict", detail);
    }

    static ProblemException alreadyPaid() {
        return conflict("order-already-paid", "This order is paid already.");
    }

    static ProblemException orderCancelled() {
        return conflict("order-cancelled", "This order was cancelled; it can no longer be paid.");
    }

    static ProblemException windowClosed() {
        return conflict("payment-window-closed", "The time to pay this order has passed.");
    }

    static ProblemException inProgress() {
        return conflict("payment-in-progress", "A payment of this order is in progress; wait for its outcome.");
    }

    static ProblemException stillCharging() {
        return conflict("payment-in-progress", "The first request with this Idempotency-Key is still charging the "
                + "card; send the same request again in a moment for its outcome.");
    }

    static ProblemException notRefundable() {
        return conflict("not-refundable", "Only a charged payment that is not refunded yet can be refunded.");
    }

    static ProblemException keyReused() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("idempotency-key-reused"),
                "Idempotency Key Reused", "This Idempotency-Key was used for a different request. Use a new key.");
    }

    static ProblemException amountNotPayable() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("amount-not-payable"),
                "Amount Not Payable", "The payment provider does not take a charge of this order's amount. Nothing "
                        + "was charged.");
    }

    static ProblemException providerUnavailable(Duration retryAfter) {
        return new RetryLater(ProblemTypes.of("payment-provider-unavailable").toString(),
                "The payment provider cannot be reached just now. Nothing was charged; please try again shortly.",
                retryAfter);
    }

    /** A 400 naming one field (never its value). */
    public static ProblemException invalid(String field, String message) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                "Invalid Request", "The request is invalid: " + field + " " + message + ".");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    private static final class RetryLater extends ProblemException {
        RetryLater(String type, String detail, Duration retryAfter) {
            super(HttpStatus.SERVICE_UNAVAILABLE, java.net.URI.create(type), "Service Unavailable", detail);
            retryAfter(retryAfter);
        }
    }
}
