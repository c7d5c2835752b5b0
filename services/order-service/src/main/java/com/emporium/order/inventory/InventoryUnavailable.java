package com.emporium.order.inventory;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * inventory-service could not be asked (unreachable, too slow, failing, or its circuit breaker is open), so
 * nothing was reserved for sure and nothing is stored; the caller may try again after {@code Retry-After}.
 */
public final class InventoryUnavailable extends ProblemException {

    InventoryUnavailable(Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE, "Service Unavailable",
                "Stock cannot be reserved just now. Nothing was ordered; please try again shortly.");
        retryAfter(retryAfter);
    }
}
