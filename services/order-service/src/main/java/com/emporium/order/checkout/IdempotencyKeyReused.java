package com.emporium.order.checkout;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

/**
 * An {@code Idempotency-Key} that already stands for another request: a different body, or an earlier attempt
 * that can no longer be completed (its reservation expired, or the key was used so long ago that it was forgotten).
 */
public final class IdempotencyKeyReused extends ProblemException {

    IdempotencyKeyReused(String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.of("idempotency-key-reused"), "Idempotency Key Reused",
                detail);
    }

    static IdempotencyKeyReused differentBody() {
        return new IdempotencyKeyReused("This Idempotency-Key was used for a different request. Use a new key for "
                + "a new order.");
    }

    static IdempotencyKeyReused cannotComplete() {
        return new IdempotencyKeyReused("This Idempotency-Key belongs to an earlier attempt that can no longer be "
                + "completed. Use a new key to place the order.");
    }
}
