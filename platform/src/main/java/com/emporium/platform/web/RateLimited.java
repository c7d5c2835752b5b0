package com.emporium.platform.web;

import com.emporium.platform.problem.ProblemTypes;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A caller went over a limit; it may try again after the wait given in {@code Retry-After}. */
public final class RateLimited extends ProblemException {

    public RateLimited(String detail, Duration wait) {
        super(HttpStatus.TOO_MANY_REQUESTS, ProblemTypes.RATE_LIMITED, "Too Many Requests", detail);
        retryAfter(wait);
    }
}
