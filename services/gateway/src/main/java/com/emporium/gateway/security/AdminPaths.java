package com.emporium.gateway.security;

import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher.MatchResult;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/<area>/admin} and everything under it, whatever the case of the letters: a service may match
 * paths without regard to case one day, and the gateway must never let a customer through on {@code ADMIN}.
 * (Ambiguous paths, {@code //} or encoded slashes, are refused before this by Spring Security's firewall.)
 */
final class AdminPaths {

    private static final Pattern ADMIN = Pattern.compile("/api/[^/]+/admin(/.*)?");

    private AdminPaths() {
    }

    static Mono<MatchResult> matches(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value().toLowerCase(Locale.ROOT);
        return ADMIN.matcher(path).matches() ? MatchResult.match() : MatchResult.notMatch();
    }
}
