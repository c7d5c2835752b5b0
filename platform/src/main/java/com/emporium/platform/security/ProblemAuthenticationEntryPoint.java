package com.emporium.platform.security;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 as problem+json, with the {@code WWW-Authenticate: Bearer} challenge of RFC 6750. The body says whether
 * a token was missing or not accepted, never why a token failed (expired, bad signature, wrong audience).
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    ProblemAuthenticationEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        boolean invalid = exception instanceof InvalidBearerTokenException;
        // RFC 6750 §3: the challenge names the error only when a token was sent
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE,
                invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = invalid
                ? "The bearer token is invalid or has expired."
                : "A valid bearer token is required.";
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        problem.setType(ProblemTypes.UNAUTHORIZED);
        problem.setTitle("Unauthorized");
        problems.write(response, problem);
    }
}
