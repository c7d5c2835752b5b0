package com.emporium.gateway.security;

import com.emporium.gateway.problem.ProblemResponses;
import com.emporium.platform.problem.ProblemTypes;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 403 problem+json for a valid token whose roles do not open the route. */
final class ProblemAccessDenied implements ServerAccessDeniedHandler {

    private final ProblemResponses problems;

    ProblemAccessDenied(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
                "the access token's roles do not allow " + exchange.getRequest().getMethod().name() + " "
                        + exchange.getRequest().getPath().value(), null);
    }
}
