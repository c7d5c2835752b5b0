package com.emporium.payment.orders;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** order-service (or the service token to ask it) could not be had: nothing was charged; try again later. */
public final class OrderServiceUnavailable extends ProblemException {

    OrderServiceUnavailable(Duration retryAfter) {
        super(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.of("order-service-unavailable"), "Service Unavailable",
                "The order cannot be looked up just now. Nothing was charged; please try again shortly.");
        retryAfter(retryAfter);
    }
}
