package com.emporium.platform.events.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;

/**
 * W3C trace context in message headers, so that one trace runs from the request that changed the state to the
 * effect of every event it caused: captured from the writer's current span when an event is recorded in the
 * outbox, continued by the relay as a PRODUCER span (a child of the writer's span) whose context the message
 * carries, and continued by each consumer as a CONSUMER span, a child of the producer span. Children rather
 * than links: each message has exactly one cause, and Zipkin, the local trace backend, shows parents but not
 * links (docs/observability.md). Without a tracer (tracing switched off) it captures and continues nothing.
 */
public final class TraceHeaders {

    static final Set<String> KEPT = Set.of("traceparent", "tracestate");

    /** Where the messages travel, as OpenTelemetry's messaging conventions name it. */
    static final String MESSAGING_SYSTEM = "rabbitmq";

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
        return context == null ? Map.of() : inject(context, propagator);
    }

    /**
     * Starts a PRODUCER span for one message whose recorded {@code headers} carry the writer's trace context, and
     * puts the new span's context into them in its place, so the consumer's span becomes its child. A message
     * recorded outside any trace gets no span and keeps its headers; {@code tags} are only made for a span.
     *
     * @return the span, to be ended once the broker has confirmed the message (or failed to)
     */
    public Publishing publishing(String name, Map<String, Object> headers, Supplier<Map<String, String>> tags) {
        if (tracer == null || propagator == null || !headers.containsKey("traceparent")) {
            return Publishing.NONE;
        }
        Span span = propagator.extract(headers, TraceHeaders::header).name(name).kind(Span.Kind.PRODUCER)
                .remoteServiceName(MESSAGING_SYSTEM).start();
        span.tag("messaging.system", MESSAGING_SYSTEM);
        tags.get().forEach(span::tag);
        headers.putAll(inject(span.context(), propagator));
        return new Publishing(span);
    }

    /**
     * Runs {@code work} in a new CONSUMER span named {@code name}, tagged with {@code tags}, whose parent is the
     * trace context in {@code headers} (a new trace when they carry none).
     */
    public <T> T continueIn(String name, Map<String, Object> headers, Map<String, String> tags, Supplier<T> work) {
        if (tracer == null || propagator == null) {
            return work.get();
        }
        Span span = propagator.extract(headers, TraceHeaders::header).name(name).kind(Span.Kind.CONSUMER)
                .remoteServiceName(MESSAGING_SYSTEM).start();
        span.tag("messaging.system", MESSAGING_SYSTEM);
        tags.forEach(span::tag);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException ex) {
            span.error(ex);
            throw ex;
        } finally {
            span.end();
        }
    }

    private static @Nullable String header(Map<String, Object> carrier, String key) {
        Object value = carrier.get(key);
        return value == null ? null : value.toString();
    }

    private static Map<String, String> inject(TraceContext context, Propagator propagator) {
        Map<String, String> carrier = new LinkedHashMap<>();
        propagator.inject(context, carrier, (map, key, value) -> {
            if (map != null && KEPT.contains(key) && !value.isEmpty()) {
                map.put(key, value);
            }
        });
        return carrier;
    }

    /** The PRODUCER span of one message on its way to the broker (none when the message has no trace). */
    public static final class Publishing {

        static final Publishing NONE = new Publishing(null);

        private final @Nullable Span span;

        Publishing(@Nullable Span span) {
            this.span = span;
        }

        /** Ends the span: the broker confirmed the message. */
        public void confirmed() {
            if (span != null) {
                span.end();
            }
        }

        /** Ends the span with the error: the message was not confirmed and stays in the outbox. */
        public void failed(Throwable failure) {
            if (span != null) {
                span.error(failure);
                span.end();
            }
        }

        public static void confirmed(List<Publishing> spans) {
            spans.forEach(Publishing::confirmed);
        }

        public static void failed(List<Publishing> spans, Throwable failure) {
            spans.forEach(span -> span.failed(failure));
        }
    }
}
