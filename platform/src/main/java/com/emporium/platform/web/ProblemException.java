package com.emporium.platform.web;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Base of the domain exceptions that become a problem+json answer with a stable type, for example
 * {@code EmailTaken} or {@code InsufficientStock}. The detail is shown to the client: keep secrets out of it.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, URI type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }

    /** Adds a {@code Retry-After} header in whole seconds, at least one. */
    protected final void retryAfter(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    @Override
    public String getMessage() {
        return getBody().getType() + ": " + getBody().getDetail();
    }
}
