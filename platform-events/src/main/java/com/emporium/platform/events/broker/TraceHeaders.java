package com.emporium.platform.events.broker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * W3C trace context in message headers: captured from the writer's request when an event is recorded, and
 * continued by the consumer, so that one trace runs from the request that changed the state to the effect of
 * every event it caused. Without a tracer (tracing switched off) it captures nothing and continues nothing.
 */
public final class TraceHeaders {

    static final Set<String> KEPT = Set.of("traceparent", "tracestate");

    private final @Nullable Tracer tracer;
    private final @Nullable Propagator propagator;

    public TraceHeaders(@Nullable Tracer tracer, @Nullable Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** {@code traceparent} (and {@code tracestate} when there is one) of the current span, or nothing. */
    public Map<String, String> current() {
        if (tracer == null || propagator == null) {
            return Map.of();
        }
        TraceContext context = tracer.currentTraceContext().context();
        if (context == null) {
            return Map.of();
        }
        Map<String, String> carrier = new LinkedHashMap<>();
        propagator.inject(context, carrier, (map, key, value) -> {
            if (map != null && KEPT.contains(key) && !value.isEmpty()) {
                map.put(key, value);
            }
        });
        return carrier;
    }

    /**
     * Runs {@code work} in a new span named {@code name} whose parent is the trace context in {@code headers}
     * (a new trace when they carry none).
     */
    public <T> T continueIn(String name, Map<String, Object> headers, Supplier<T> work) {
        if (tracer == null || propagator == null) {
            return work.get();
        }
        Span span = propagator.extract(headers, (carrier, key) -> {
            Object value = carrier.get(key);
            return value == null ? null : value.toString();
        }).name(name).kind(Span.Kind.CONSUMER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException ex) {
            span.error(ex);
            throw ex;
        } finally {
            span.end();
        }
    }
}
