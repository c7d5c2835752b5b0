package com.emporium.gateway.security;

import com.emporium.gateway.problem.ProblemResponses;
import com.emporium.platform.problem.ProblemTypes;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** 401 problem+json for a missing, malformed, forged, expired or foreign token, with a Bearer challenge. */
final class ProblemEntryPoint implements ServerAuthenticationEntryPoint {

    private final ProblemResponses problems;

    ProblemEntryPoint(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        boolean tokenSent = exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
                tokenSent ? "Bearer error=\"invalid_token\"" : "Bearer");
        String detail = tokenSent
                ? "the access token is not valid (signature, expiry, issuer or audience)"
                : "this route needs an access token (Authorization: Bearer ...)";
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED, detail, null);
    }
}
