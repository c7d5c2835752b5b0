package com.emporium.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the traces about requests and events: a database call is observed only inside a span (a request's, an
 * event consumer's). Outside one, the outbox relay's polling, the purges and the health checks' queries would
 * each start a trace of their own, many a second at 100 % sampling, and bury the traces an engineer looks for.
 */
@AutoConfiguration
@ConditionalOnClass(Tracer.class)
public final class TracingAutoConfiguration {

    /** Observations of JDBC calls ({@code jdbc.query}, {@code jdbc.connection}, …) start with this. */
    static final String JDBC_PREFIX = "jdbc.";

    @Bean
    ObservationPredicate emporiumDatabaseCallsOnlyInsideASpan(ObjectProvider<Tracer> tracer) {
        return new InsideASpan(JDBC_PREFIX, tracer::getIfAvailable);
    }
}
