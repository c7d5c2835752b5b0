package com.emporium.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code X-Trace-Id} on every answer, the gateway's own (401, 429, 503…) and the services' alike: the id of the
 * request's trace, the one a client chose with {@code traceparent} or one the gateway began. With it a client, a
 * support engineer or a test goes from an answer straight to its trace in Zipkin ({@code /zipkin/traces/<id>})
 * or to its log lines ({@code trace.id}). The id says nothing about the request beyond that.
 */
@Component
public class TraceIdHeader implements WebFilter, Ordered {

    public static final String HEADER = "X-Trace-Id";

    @Override
    public int getOrder() {
        // before Spring Security's chain (-100), so its own 401 and 403 answers carry it too
        return -102;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().beforeCommit(() -> {
            traceId(exchange).ifPresent(id -> exchange.getResponse().getHeaders().set(HEADER, id));
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    /** The trace id of the request's server observation (WebFlux keeps it in the exchange, not a thread). */
    static Optional<String> traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes()).map(TraceIdHeader::traceIdOf);
    }

    private static @Nullable String traceIdOf(ServerRequestObservationContext observation) {
        TracingObservationHandler.TracingContext tracing = observation.get(
                TracingObservationHandler.TracingContext.class);
        Span span = tracing == null ? null : tracing.getSpan();
        String id = span == null ? null : span.context().traceId();
        return id == null || id.isEmpty() ? null : id;
    }
}
