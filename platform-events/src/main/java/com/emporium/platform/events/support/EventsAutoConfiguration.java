package com.emporium.platform.events.support;

import java.time.Clock;
import java.util.List;

import com.emporium.platform.events.EventSubscription;
import com.emporium.platform.events.EventsProperties;
import com.emporium.platform.events.Outbox;
import com.emporium.platform.events.broker.ConfirmedPublisher;
import com.emporium.platform.events.broker.EventTopology;
import com.emporium.platform.events.broker.TraceHeaders;
import com.emporium.platform.events.consumer.SubscriptionListener;
import com.emporium.platform.events.deadletter.DeadLetterDrain;
import com.emporium.platform.events.deadletter.DeadLetters;
import com.emporium.platform.events.deadletter.web.DeadLetterController;
import com.emporium.platform.events.outbox.JdbcOutbox;
import com.emporium.platform.events.outbox.OutboxMetrics;
import com.emporium.platform.events.outbox.OutboxRelay;
import com.emporium.platform.events.outbox.RelaySignal;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.flywaydb.core.Flyway;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the event backbone into a service that has {@code platform-events} on its classpath: the outbox and its
 * relay always, and for each {@link EventSubscription} bean a queue, a listener and the dead-letter admin API.
 */
@AutoConfiguration(after = {RabbitAutoConfiguration.class, FlywayAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
@EnableConfigurationProperties(EventsProperties.class)
public final class EventsAutoConfiguration {

    @Bean
    EventsSchema emporiumEventsSchema(Flyway flyway, ObjectProvider<FlywayMigrationInitializer> serviceMigration) {
        // the service's own migration first: it would refuse a schema that already holds the backbone's tables
        serviceMigration.getIfAvailable();
        return new EventsSchema(flyway);
    }

    @Bean
    TraceHeaders emporiumEventTraceHeaders(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceHeaders(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    ConfirmedPublisher emporiumConfirmedPublisher(ConnectionFactory connectionFactory, EventsProperties properties) {
        return new ConfirmedPublisher(connectionFactory, properties.relay().confirmTimeout());
    }

    @Bean
    RelaySignal emporiumRelaySignal() {
        return new RelaySignal();
    }

    @Bean
    Outbox emporiumOutbox(JdbcTemplate jdbc, JsonMapper json, TraceHeaders trace, RelaySignal signal,
            ObjectProvider<Clock> clock) {
        return new JdbcOutbox(JdbcClient.create(jdbc), json, trace, signal, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "emporium.events.relay.enabled", matchIfMissing = true)
    OutboxRelay emporiumOutboxRelay(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager transactions,
            ConfirmedPublisher publisher, TraceHeaders trace, RelaySignal signal, EventsProperties properties,
            MeterRegistry meters) {
        return new OutboxRelay(jdbc, json, new TransactionTemplate(transactions), publisher, trace, signal,
                properties, meters);
    }

    @Bean
    OutboxMetrics emporiumOutboxMetrics(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        return new OutboxMetrics(jdbc, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    Declarables emporiumEventTopology(EventsProperties properties, ObjectProvider<EventSubscription> subscriptions) {
        return EventTopology.declare(properties, subscriptions.orderedStream().toList());
    }

    @Bean
    EventPurge emporiumEventPurge(JdbcTemplate jdbc, EventsProperties properties) {
        return new EventPurge(jdbc, properties);
    }

    /** What a service that consumes events adds: listeners, the dead-letter drain and the admin API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(EventSubscription.class)
    static final class Consuming {

        @Bean
        DeadLetters emporiumDeadLetters(JdbcTemplate jdbc, JsonMapper json, PlatformTransactionManager transactions,
                ConfirmedPublisher publisher, ObjectProvider<Clock> clock, EventsProperties properties,
                MeterRegistry meters) {
            if (properties.deadLetterArea() == null || properties.deadLetterArea().isBlank()) {
                throw new IllegalStateException("emporium.events.dead-letter-area must name the service's admin area "
                        + "(its dead letters are served at /api/<area>/admin/dead-letters)");
            }
            DeadLetters deadLetters = new DeadLetters(jdbc, json, new TransactionTemplate(transactions), publisher,
                    clock.getIfAvailable(Clock::systemUTC));
            Gauge.builder("emporium.events.dead_letters", deadLetters, DeadLetters::count)
                    .description("Dead letters waiting for an admin").register(meters);
            return deadLetters;
        }

        @Bean
        DeadLetterController emporiumDeadLetterController(DeadLetters deadLetters, JsonMapper json) {
            return new DeadLetterController(deadLetters, json);
        }

        @Bean
        SubscriptionContainers emporiumSubscriptionContainers(ConnectionFactory connectionFactory,
                List<EventSubscription> subscriptions, JdbcTemplate jdbc, JsonMapper json,
                PlatformTransactionManager transactions, ConfirmedPublisher publisher, TraceHeaders trace,
                EventsProperties properties, MeterRegistry meters, ObjectProvider<Clock> clock) {
            TransactionTemplate template = new TransactionTemplate(transactions);
            List<SubscriptionListener> listeners = subscriptions.stream().map(subscription -> new SubscriptionListener(
                    subscription, jdbc, template, json, publisher, trace, properties, meters)).toList();
            return new SubscriptionContainers(connectionFactory, listeners,
                    new DeadLetterDrain(jdbc, json, clock.getIfAvailable(Clock::systemUTC),
                            properties.consumer().infrastructureBackoffMax()), properties);
        }
    }
}
