package com.emporium.platform.web;

import com.emporium.platform.problem.ProblemTypes;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers what reaches the servlet container's error page (errors raised outside Spring MVC, such as in a
 * filter) with problem+json instead of Spring Boot's default error JSON. Never says more than the status.
 */
@RestController
final class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "${server.error.path:/error}", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(ProblemTypes.forStatus(status));
        problem.setTitle(status.getReasonPhrase());
        problem.setDetail(status.is5xxServerError() ? "An unexpected error occurred. It has been logged."
                : status.getReasonPhrase() + ".");
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
