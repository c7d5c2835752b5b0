package com.emporium.platform.events.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.emporium.platform.events.EventsProperties;
import com.emporium.platform.events.broker.ConfirmedPublisher;
import com.emporium.platform.events.broker.ConfirmedPublisher.Outgoing;
import com.emporium.platform.events.broker.EventSpanTags;
import com.emporium.platform.events.broker.TraceHeaders;
import com.emporium.platform.events.broker.TraceHeaders.Publishing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the outbox: in each round it locks a batch of unsent events, publishes them with publisher confirms,
 * and marks them sent in the same transaction, so an event counts as sent only once the broker has confirmed
 * it. If the broker is unreachable or does not confirm, the round rolls back and the events stay unsent; if the
 * process dies after publishing and before the mark commits, the events are published again (consumers absorb
 * the duplicates). After a failed round it pauses with exponential backoff. Any number of relays may run on one
 * outbox (see {@link OutboxStore}). Each event whose writer was traced is published in a PRODUCER span, a child of
 * the writer's span, whose context the message carries on to the consumers.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final TransactionTemplate transactions;
    private final ConfirmedPublisher publisher;
    private final TraceHeaders trace;
    private final JsonMapper json;
    private final RelaySignal signal;
    private final EventsProperties properties;
    private final String appId;
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private @Nullable Thread worker;

    public OutboxRelay(JdbcTemplate jdbc, JsonMapper json, TransactionTemplate transactions,
            ConfirmedPublisher publisher, TraceHeaders trace, RelaySignal signal, EventsProperties properties,
            MeterRegistry meters) {
        this.store = new OutboxStore(jdbc, json);
        this.transactions = transactions;
        this.publisher = publisher;
        this.trace = trace;
        this.json = json;
        this.signal = signal;
        this.properties = properties;
        this.appId = properties.serviceName();
        this.published = Counter.builder("emporium.events.relay.published")
                .description("Events the broker confirmed").register(meters);
        this.failures = Counter.builder("emporium.events.relay.failures")
                .description("Relay rounds that failed and were rolled back").register(meters);
    }

    /**
     * Publishes one batch and marks it sent.
     *
     * @return how many events were published
     */
    public int relayOnce() {
        Integer count = transactions.execute(status -> {
            List<OutboxRow> rows = store.lockNextBatch(properties.relay().batchSize());
            if (rows.isEmpty()) {
                return 0;
            }
            List<Publishing> spans = new ArrayList<>(rows.size());
            List<Outgoing> messages = rows.stream().map(row -> outgoing(row, spans)).toList();
            try {
                publisher.publish(messages);
            } catch (RuntimeException ex) {
                Publishing.failed(spans, ex);
                throw ex;
            }
            Publishing.confirmed(spans);
            store.markSent(rows);
            return rows.size();
        });
        int n = count == null ? 0 : count;
        published.increment(n);
        return n;
    }

    /** The row as a message; its PRODUCER span (a child of the writer's) goes to {@code spans}. */
    private Outgoing outgoing(OutboxRow row, List<Publishing> spans) {
        Map<String, Object> headers = new LinkedHashMap<>(row.headers());
        spans.add(trace.publishing("publish " + row.eventType(), headers, () -> tags(row)));
        MessageProperties message = new MessageProperties();
        message.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        message.setContentEncoding(StandardCharsets.UTF_8.name());
        message.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        message.setMessageId(row.eventId().toString());
        message.setType(row.eventType());
        message.setTimestamp(Date.from(row.occurredAt()));
        message.setAppId(appId);
        headers.forEach(message::setHeader);
        return new Outgoing(properties.exchange(), row.routingKey(),
                new Message(row.body().getBytes(StandardCharsets.UTF_8), message));
    }

    private Map<String, String> tags(OutboxRow row) {
        JsonNode payload;
        try {
            payload = json.readTree(row.body()).get("payload");
        } catch (RuntimeException ex) {
            payload = null;
        }
        Map<String, String> tags = new LinkedHashMap<>(EventSpanTags.of(row.eventType(), row.eventId(),
                row.aggregateId(), properties.exchange(), payload));
        tags.put("messaging.rabbitmq.destination.routing_key", row.routingKey());
        return tags;
    }

    private void run() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.relay().backoffInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.relay().backoffMax().toMillis());
        BackOffExecution failing = null;
        while (running) {
            try {
                int n = relayOnce();
                if (failing != null) {
                    log.info("Outbox relay publishes again");
                    failing = null;
                }
                if (n < properties.relay().batchSize()) {
                    signal.await(properties.relay().pollInterval());
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException ex) {
                if (!running) {
                    return;
                }
                failures.increment();
                if (failing == null) {
                    failing = backOff.start();
                    log.warn("Outbox relay cannot publish; events wait in the outbox and are retried: {}",
                            ex.toString());
                } else {
                    log.debug("Outbox relay round failed again", ex);
                }
                if (!pause(failing.nextBackOff())) {
                    return;
                }
            }
        }
    }

    private boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        signal.wake();
        Thread thread = worker;
        if (thread != null) {
            try {
                thread.join(properties.relay().confirmTimeout().plusSeconds(1).toMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                thread.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the listeners and the web server (higher phases stop first), before the connections close. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
