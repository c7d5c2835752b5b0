package com.emporium.platform.events;

import java.time.Duration;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code emporium.events.*}: where events go and how hard the relay and the consumers try. Every wait is a
 * {@link Duration} so that tests can shrink it to milliseconds.
 *
 * @param exchange the topic exchange every service publishes its events to
 * @param deadLetterExchange the direct exchange that takes the messages consumers gave up on
 * @param service the name queues are prefixed with ({@code spring.application.name} by default)
 * @param deadLetterArea the {@code <area>} of {@code /api/<area>/admin/dead-letters}; required when the
 *        service consumes events, and one path segment, so that the admin-only rule {@code /api/*}{@code /admin/**}
 *        covers the dead letters
 */
@ConfigurationProperties("emporium.events")
public record EventsProperties(@DefaultValue("emporium.events") String exchange,
        @DefaultValue("emporium.dead-letters") String deadLetterExchange, @Nullable String service,
        @Nullable String deadLetterArea, @DefaultValue Relay relay, @DefaultValue Consumer consumer,
        @DefaultValue Retention retention) {

    private static final Pattern AREA = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public EventsProperties {
        if (deadLetterArea != null && !deadLetterArea.isBlank() && !AREA.matcher(deadLetterArea).matches()) {
            throw new IllegalArgumentException("emporium.events.dead-letter-area must be one path segment of "
                    + "lower-case words joined by '-' (the dead letters must stay under /api/*/admin/**): "
                    + deadLetterArea);
        }
    }

    /**
     * @param enabled whether this instance relays its outbox (any number of instances may)
     * @param batchSize rows published per round, under one wait for the broker's confirms
     * @param pollInterval how often the relay looks for rows when no local commit woke it
     * @param confirmTimeout how long it waits for the broker to confirm a round before trying it again
     * @param backoffInitial the first pause after a failed round; doubled up to {@code backoffMax}
     */
    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("200") int batchSize,
            @DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration confirmTimeout,
            @DefaultValue("200ms") Duration backoffInitial, @DefaultValue("5s") Duration backoffMax) {
    }

    /**
     * @param batchSize messages handled in one transaction when they are waiting together
     * @param receiveTimeout how long an idle consumer waits for a message before it looks again
     * @param batchWait how long a batch that has its first message may wait for more before it is handled:
     *        the most a message's handling is delayed to share a transaction with others
     * @param maxAttempts attempts at a failing message before it is dead-lettered
     * @param retryInitial the pause before the second attempt; multiplied by {@code retryMultiplier} up to
     *        {@code retryMax}
     * @param deliveryLimit redeliveries after which the broker itself dead-letters a message (a consumer that
     *        crashes on it every time never gets to count its attempts)
     * @param infrastructureBackoffMax the longest pause between tries while the database is unreachable (such
     *        failures are never counted as attempts: nothing is dead-lettered because the database was down)
     * @param recoveryInterval the pause before a consumer connects again after losing the broker
     */
    public record Consumer(@DefaultValue("50") int batchSize, @DefaultValue("10ms") Duration receiveTimeout,
            @DefaultValue("2ms") Duration batchWait,
            @DefaultValue("5") int maxAttempts, @DefaultValue("200ms") Duration retryInitial,
            @DefaultValue("2.0") double retryMultiplier, @DefaultValue("5s") Duration retryMax,
            @DefaultValue("20") int deliveryLimit, @DefaultValue("5s") Duration infrastructureBackoffMax,
            @DefaultValue("2s") Duration recoveryInterval) {
    }

    /**
     * @param sent how long published outbox rows are kept (for audits and debugging)
     * @param handled how long handled event ids are kept; a duplicate arriving later than this would be handled
     *        again, so keep it well above the longest outage a redelivery could follow
     * @param purgeInterval how often both are purged
     */
    public record Retention(@DefaultValue("24h") Duration sent, @DefaultValue("7d") Duration handled,
            @DefaultValue("1h") Duration purgeInterval) {
    }

    /** The queue prefix, checked: queues are named after the service. */
    public String serviceName() {
        if (service == null || service.isBlank()) {
            throw new IllegalStateException("emporium.events.service (or spring.application.name) must name the "
                    + "service: its queues are named after it");
        }
        return service;
    }

    /** The queue of one subscription: {@code <service>.<subscription>}. */
    public String queueOf(EventSubscription subscription) {
        return serviceName() + "." + subscription.name();
    }

    /** The queue that holds a queue's dead letters. */
    public static String deadLetterQueueOf(String queue) {
        return queue + ".dead-letters";
    }
}
