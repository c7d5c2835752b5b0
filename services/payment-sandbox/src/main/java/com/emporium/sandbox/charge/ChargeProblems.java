package com.emporium.sandbox.charge;

import com.emporium.sandbox.SandboxProblem;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** The problems charging and refunding answer with, each a {@code urn:problem:sandbox:} type. */
final class ChargeProblems {

    /** How long the retry-later card asks a merchant to wait. */
    static final Duration RETRY_LATER_WAIT = Duration.ofSeconds(1);

    private ChargeProblems() {
    }

    static SandboxProblem unknownToken() {
        return SandboxProblem.invalid("unknown-token", "token", "names no card token");
    }

    static SandboxProblem idempotencyKeyReused() {
        return new SandboxProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                "Idempotency Key Reused",
                "This Idempotency-Key was used before with another request; use a new key for a new request.");
    }

    static SandboxProblem retryLater() {
        return new SandboxProblem(HttpStatus.SERVICE_UNAVAILABLE, "retry-later", "Retry Later",
                "The card network is briefly unavailable; nothing was charged. Try again with the same "
                        + "Idempotency-Key.").retryingAfter(RETRY_LATER_WAIT);
    }

    static SandboxProblem chargeNotFound() {
        return new SandboxProblem(HttpStatus.NOT_FOUND, "charge-not-found", "Charge Not Found",
                "No charge has this id.");
    }

    static SandboxProblem refundNotFound() {
        return new SandboxProblem(HttpStatus.NOT_FOUND, "refund-not-found", "Refund Not Found",
                "No refund has this id.");
    }

    static SandboxProblem chargeNotRefundable() {
        return new SandboxProblem(HttpStatus.UNPROCESSABLE_CONTENT, "charge-not-refundable", "Charge Not Refundable",
                "The charge was declined: nothing was taken, so nothing can be refunded.");
    }

    static SandboxProblem refundExceedsCharge(String currency, long refundable) {
        SandboxProblem problem = new SandboxProblem(HttpStatus.UNPROCESSABLE_CONTENT, "refund-exceeds-charge",
                "Refund Exceeds Charge", "The refund asks for more than is left to refund of the charge.");
        problem.getBody().setProperty("amountRefundable", Amounts.toDecimal(refundable));
        problem.getBody().setProperty("currency", currency);
        return problem;
    }
}
