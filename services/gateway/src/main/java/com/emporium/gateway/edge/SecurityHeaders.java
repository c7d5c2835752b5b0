package com.emporium.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The security headers on every answer, the gateway's own and the services' alike, each set unless the answer
 * already has it: no MIME sniffing, no framing, no referrer, a Content-Security-Policy that allows only the
 * gateway's own scripts (Swagger UI's included), and no caching unless the service said otherwise. In place of
 * Spring Security's header writers, which walk every header of the response once per writer.
 */
@Component
public class SecurityHeaders implements WebFilter, Ordered {

    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    private static final String[][] HEADERS = {
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Content-Security-Policy", CSP},
        {HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate"},
    };

    @Override
    public int getOrder() {
        // before Spring Security's chain (-100), so its own 401 and 403 answers carry them too
        return -101;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            HttpHeaders headers = exchange.getResponse().getHeaders();
            for (String[] header : HEADERS) {
                if (!headers.containsHeader(header[0])) {
                    headers.set(header[0], header[1]);
                }
            }
            return Mono.empty();
        });
        return chain.filter(exchange);
    }
}
