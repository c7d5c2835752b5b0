package com.emporium.sandbox.access;

import com.emporium.platform.web.ProblemWriter;
import com.emporium.sandbox.SandboxProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** 401 {@code urn:problem:sandbox:unauthorized}, with a {@code Bearer} challenge; it never says what was sent. */
final class SecretKeyEntryPoint implements AuthenticationEntryPoint {

    private final ProblemWriter problems;

    SecretKeyEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        boolean sent = request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, sent ? "Bearer error=\"invalid_token\"" : "Bearer");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, sent
                ? "The secret key is not valid."
                : "The secret key is required: send Authorization: Bearer <secret key>.");
        problem.setType(SandboxProblem.type("unauthorized"));
        problem.setTitle("Unauthorized");
        problems.write(response, problem);
    }
}
