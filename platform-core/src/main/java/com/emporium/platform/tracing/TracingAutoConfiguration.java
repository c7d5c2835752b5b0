package com.emporium.platform.tracing;

import io.micrometer.observation.ObservationPredicate;
import io.micrometer.tracing.Tracer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the traces about requests and events: a database call is observed only inside a span (a request's, an
 * event consumer's), and a run of a {@code @Scheduled} task is not observed at all. Otherwise the outbox relay's
 * polling, the expiry and retry jobs (some every second) and the purges would each start traces of their own,
 * many a second at 100 % sampling, and bury the traces an engineer looks for.
 */
@AutoConfiguration
@ConditionalOnClass(Tracer.class)
public final class TracingAutoConfiguration {

    /** Observations of JDBC calls ({@code jdbc.query}, {@code jdbc.connection}, …) start with this. */
    static final String JDBC_PREFIX = "jdbc.";

    /** Spring's observation of each run of a {@code @Scheduled} method. */
    static final String SCHEDULED_TASK = "tasks.scheduled.execution";

    @Bean
    ObservationPredicate emporiumDatabaseCallsOnlyInsideASpan(ObjectProvider<Tracer> tracer) {
        return new InsideASpan(JDBC_PREFIX, tracer::getIfAvailable);
    }

    @Bean
    ObservationPredicate emporiumNoScheduledTaskObservations() {
        return (name, context) -> !name.equals(SCHEDULED_TASK);
    }
}
