package com.emporium.platform.security;

import com.emporium.platform.problem.ProblemTypes;
import com.emporium.platform.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 as problem+json: the caller is known but lacks the role. */
final class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemAccessDeniedHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException exception) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "You are not allowed to do this.");
        problem.setType(ProblemTypes.FORBIDDEN);
        problem.setTitle("Forbidden");
        problems.write(response, problem);
    }
}
