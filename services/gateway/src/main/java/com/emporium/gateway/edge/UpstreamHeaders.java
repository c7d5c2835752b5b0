package com.emporium.gateway.edge;

import com.emporium.gateway.GatewayProperties;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Shapes the headers a request carries upstream. Identity-looking headers a client sent are dropped (no
 * service trusts one, and none should ever be tempted to), as are any forwarding headers it sent; then
 * {@code X-Forwarded-For} is set to exactly the client address {@link ClientAddresses} resolved, with
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}. The {@code Authorization} header goes on unchanged:
 * every service verifies the same token again.
 */
@Component
public class UpstreamHeaders implements HttpHeadersFilter, Ordered {

    private static final List<String> FORWARDING = List.of(
            "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
            "x-forwarded-prefix", "x-real-ip", "x-client-ip", "true-client-ip");

    private final ClientAddresses clients;
    private final List<String> exact;
    private final List<String> prefixes;

    public UpstreamHeaders(ClientAddresses clients, GatewayProperties properties) {
        this.clients = clients;
        List<String> names = properties.strippedHeaders().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
        this.exact = names.stream().filter(n -> !n.endsWith("-")).toList();
        this.prefixes = names.stream().filter(n -> n.endsWith("-")).toList();
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders out = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!dropped(name.toLowerCase(Locale.ROOT))) {
                out.addAll(name, values);
            }
        });
        out.set("X-Forwarded-For", clients.of(exchange));
        // behind a trusted load balancer that ended TLS, its word on the scheme and host is the truth
        boolean trusted = clients.fromTrustedProxy(exchange);
        String proto = trusted ? lastValue(input, "X-Forwarded-Proto") : null;
        out.set("X-Forwarded-Proto", proto != null ? proto : exchange.getRequest().getURI().getScheme());
        String host = trusted ? lastValue(input, "X-Forwarded-Host") : null;
        if (host == null) {
            host = input.getFirst(HttpHeaders.HOST);
        }
        if (host != null) {
            out.set("X-Forwarded-Host", host);
        }
        return out;
    }

    private static @Nullable String lastValue(HttpHeaders headers, String name) {
        List<String> values = headers.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        String[] hops = values.getLast().split(",");
        String value = hops[hops.length - 1].strip();
        return value.isEmpty() ? null : value;
    }

    boolean dropped(String lowerCaseName) {
        if (FORWARDING.contains(lowerCaseName) || exact.contains(lowerCaseName)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (lowerCaseName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        // after Spring Cloud Gateway's own request header filters
        return Ordered.LOWEST_PRECEDENCE;
    }
}
