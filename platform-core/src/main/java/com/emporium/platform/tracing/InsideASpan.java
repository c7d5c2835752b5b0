package com.emporium.platform.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Lets an observation whose name starts with a prefix through only while a span is current; every other
 * observation passes. The tracer is looked up on first use: it is built from the observation registry's own
 * configuration.
 */
final class InsideASpan implements ObservationPredicate {

    private final String prefix;
    private final Supplier<@Nullable Tracer> tracer;
    private volatile @Nullable Tracer resolved;

    InsideASpan(String prefix, Supplier<@Nullable Tracer> tracer) {
        this.prefix = prefix;
        this.tracer = tracer;
    }

    @Override
    public boolean test(String name, Observation.Context context) {
        if (!name.startsWith(prefix)) {
            return true;
        }
        Tracer current = resolved;
        if (current == null) {
            current = tracer.get();
            if (current == null) {
                return true;
            }
            resolved = current;
        }
        return current.currentSpan() != null;
    }
}
