package com.emporium.platform.events.consumer;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.emporium.platform.events.EventSubscription;
import com.emporium.platform.events.EventsProperties;
import com.emporium.platform.events.ReceivedEvent;
import com.emporium.platform.events.deadletter.DeadLetterHeaders;
import com.emporium.platform.events.broker.ConfirmedPublisher;
import com.emporium.platform.events.broker.ConfirmedPublisher.Outgoing;
import com.emporium.platform.events.broker.EventSpanTags;
import com.emporium.platform.events.broker.TraceHeaders;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Handles the messages of one subscription's queue, in the order they arrive. The messages waiting together are
 * handled in one transaction, each one's id claimed in the inbox with its effect, and acknowledged once it has
 * committed. When a handler fails, the batch rolls back and its messages are handled one by one: the failing one
 * is retried with exponential backoff and, after the last attempt, published to the dead-letter exchange (with
 * confirms) and only then acknowledged. A database that cannot be reached is waited for, never counted against a
 * message. A message that is not a readable event goes to the dead letters at once. Each event is claimed and
 * handled in a CONSUMER span, a child of the publishing span its message names ({@link TraceHeaders}), so the
 * handler's queries and calls belong to the trace of the request that caused the event.
 */
public final class SubscriptionListener implements ChannelAwareBatchMessageListener {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionListener.class);

    private final EventSubscription subscription;
    private final String queue;
    private final Inbox inbox;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final ConfirmedPublisher publisher;
    private final TraceHeaders trace;
    private final EventsProperties properties;
    private final Counter handled;
    private final Counter duplicates;
    private final Counter ignored;
    private final Counter deadLettered;

    public SubscriptionListener(EventSubscription subscription, org.springframework.jdbc.core.JdbcTemplate jdbc,
            TransactionTemplate transactions, JsonMapper json, ConfirmedPublisher publisher, TraceHeaders trace,
            EventsProperties properties, MeterRegistry meters) {
        this.subscription = subscription;
        this.queue = properties.queueOf(subscription);
        this.inbox = new Inbox(jdbc);
        this.transactions = transactions;
        this.json = json;
        this.publisher = publisher;
        this.trace = trace;
        this.properties = properties;
        this.handled = counter(meters, "handled");
        this.duplicates = counter(meters, "duplicate");
        this.ignored = counter(meters, "ignored");
        this.deadLettered = counter(meters, "dead_lettered");
    }

    private Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("emporium.events.consumed").description("Events taken off a subscription's queue")
                .tag("subscription", subscription.name()).tag("outcome", outcome).register(meters);
    }

    public String queue() {
        return queue;
    }

    @Override
    public void onMessageBatch(List<Message> messages, Channel channel) {
        List<Incoming> readable = new ArrayList<>(messages.size());
        for (Message message : messages) {
            try {
                readable.add(read(message));
            } catch (InvalidEvent ex) {
                deadLetter(message, ex, 1, channel);
            }
        }
        if (!readable.isEmpty()) {
            handleTogether(readable, channel);
        }
    }

    private void handleTogether(List<Incoming> batch, Channel channel) {
        BackOffExecution databaseDown = null;
        while (true) {
            try {
                Tally tally = transactions.execute(status -> handle(batch));
                ack(batch.getLast(), true, channel);
                count(tally);
                return;
            } catch (RuntimeException ex) {
                if (Failures.isInfrastructure(ex)) {
                    databaseDown = databaseDown == null ? infrastructureBackOff().start() : databaseDown;
                    if (!waitForDatabase(ex, databaseDown)) {
                        batch.forEach(incoming -> requeue(incoming, channel));
                        return;
                    }
                    continue;
                }
                int failedAt = ex instanceof HandlerFailed failed ? failed.index() : -1;
                for (int i = 0; i < batch.size(); i++) {
                    handleAlone(batch.get(i), i == failedAt ? ex.getCause() : null, channel);
                }
                return;
            }
        }
    }

    /** Handles one message in its own transaction until it succeeds or has failed {@code maxAttempts} times. */
    private void handleAlone(Incoming incoming, @Nullable Throwable earlierFailure, Channel channel) {
        EventsProperties.Consumer settings = properties.consumer();
        int attempts = earlierFailure == null ? 0 : 1;
        Throwable last = earlierFailure;
        BackOffExecution retry = retryBackOff().start();
        BackOffExecution databaseDown = null;
        while (true) {
            if (last != null && attempts >= settings.maxAttempts()) {
                deadLetter(incoming.message(), last, attempts, channel);
                return;
            }
            if (last != null && !pause(retry.nextBackOff())) {
                requeue(incoming, channel);
                return;
            }
            try {
                Tally tally = transactions.execute(status -> handle(List.of(incoming)));
                ack(incoming, false, channel);
                count(tally);
                return;
            } catch (RuntimeException ex) {
                if (Failures.isInfrastructure(ex)) {
                    databaseDown = databaseDown == null ? infrastructureBackOff().start() : databaseDown;
                    if (!waitForDatabase(ex, databaseDown)) {
                        requeue(incoming, channel);
                        return;
                    }
                    continue;
                }
                attempts++;
                last = ex instanceof HandlerFailed ? ex.getCause() : ex;
                log.debug("Attempt {} at event {} ({}) on {} failed", attempts, incoming.event().id(),
                        incoming.event().type(), queue, last);
            }
        }
    }

    /** Runs in a transaction: claims each event's id and applies its effect. */
    private Tally handle(List<Incoming> batch) {
        Tally tally = new Tally();
        int lastHandled = -1;
        for (int i = 0; i < batch.size(); i++) {
            Incoming incoming = batch.get(i);
            EventSubscription.Handler<?> handler = subscription.handlers().get(incoming.event().type());
            if (handler == null) {
                tally.ignored++;
                continue;
            }
            int index = i;
            boolean claimed = trace.continueIn("handle " + incoming.event().type(),
                    incoming.message().getMessageProperties().getHeaders(), incoming.spanTags(), () -> {
                        if (!inbox.claim(subscription.name(), incoming.event().id())) {
                            return false;
                        }
                        try {
                            invoke(handler, incoming.payload(), incoming.event());
                        } catch (Exception ex) {
                            throw new HandlerFailed(index, ex);
                        }
                        return true;
                    });
            if (!claimed) {
                tally.duplicates++;
                continue;
            }
            tally.handled++;
            lastHandled = i;
        }
        if (tally.handled > 0 && !inbox.canCommit()) {
            IllegalStateException aborted = new IllegalStateException("A handler caught a database error and carried "
                    + "on: PostgreSQL would have rolled its transaction back at commit, effect and all");
            // with one handler run, that one is to blame; otherwise each message is tried alone to find it
            throw tally.handled == 1 ? new HandlerFailed(lastHandled, aborted) : aborted;
        }
        return tally;
    }

    @SuppressWarnings("unchecked")
    private static <P> void invoke(EventSubscription.Handler<P> handler, @Nullable Object payload,
            ReceivedEvent event) throws Exception {
        handler.handler().handle((P) payload, event);
    }

    private Incoming read(Message message) throws InvalidEvent {
        Envelope envelope;
        try {
            envelope = json.readValue(message.getBody(), Envelope.class);
        } catch (RuntimeException ex) {
            throw new InvalidEvent("The message body is not an event envelope: " + ex.getMessage(), ex);
        }
        if (envelope.id() == null || envelope.type() == null || envelope.version() == null
                || envelope.occurredAt() == null || envelope.aggregateId() == null || envelope.payload() == null
                || !envelope.payload().isObject()) {
            throw new InvalidEvent("The event envelope lacks one of id, type, version, occurredAt, aggregateId, "
                    + "payload (an object)");
        }
        ReceivedEvent event = new ReceivedEvent(envelope.id(), envelope.type(), envelope.version(),
                envelope.occurredAt(), envelope.aggregateId(), message.getMessageProperties().getReceivedRoutingKey());
        EventSubscription.Handler<?> handler = subscription.handlers().get(envelope.type());
        Object payload = null;
        if (handler != null) {
            try {
                payload = json.treeToValue(envelope.payload(), handler.payloadType());
            } catch (RuntimeException ex) {
                throw new InvalidEvent("The payload of " + envelope.type() + " " + envelope.id() + " cannot be read "
                        + "as " + handler.payloadType().getSimpleName() + ": " + ex.getMessage(), ex);
            }
        }
        return new Incoming(message, event, payload, EventSpanTags.of(event.type(), event.id(), event.aggregateId(),
                queue, envelope.payload()));
    }

    private void deadLetter(Message message, Throwable failure, int attempts, Channel channel) {
        long tag = message.getMessageProperties().getDeliveryTag();
        try {
            publisher.publish(new Outgoing(properties.deadLetterExchange(), queue,
                    DeadLetterHeaders.failed(message, queue, failure, attempts)));
        } catch (AmqpException ex) {
            log.warn("Cannot dead-letter message {} from {}; it goes back to the queue: {}",
                    message.getMessageProperties().getMessageId(), queue, ex.toString());
            nack(tag, channel);
            return;
        }
        log.warn("Dead-lettered message {} ({}) from {} after {} attempt(s)",
                message.getMessageProperties().getMessageId(), message.getMessageProperties().getType(), queue,
                attempts, failure);
        basicAck(tag, false, channel);
        deadLettered.increment();
    }

    private boolean waitForDatabase(RuntimeException failure, BackOffExecution backOff) {
        log.warn("Cannot reach the database to handle events from {}; waiting: {}", queue, failure.toString());
        return pause(backOff.nextBackOff());
    }

    private ExponentialBackOff retryBackOff() {
        EventsProperties.Consumer settings = properties.consumer();
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitial().toMillis(),
                settings.retryMultiplier());
        backOff.setMaxInterval(settings.retryMax().toMillis());
        return backOff;
    }

    private ExponentialBackOff infrastructureBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(properties.consumer().retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(properties.consumer().infrastructureBackoffMax().toMillis());
        return backOff;
    }

    private static boolean pause(long millis) {
        if (millis == BackOffExecution.STOP) {
            return false;
        }
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void count(@Nullable Tally tally) {
        if (tally != null) {
            handled.increment(tally.handled);
            duplicates.increment(tally.duplicates);
            ignored.increment(tally.ignored);
        }
    }

    private void ack(Incoming incoming, boolean multiple, Channel channel) {
        basicAck(incoming.message().getMessageProperties().getDeliveryTag(), multiple, channel);
    }

    private void basicAck(long tag, boolean multiple, Channel channel) {
        try {
            channel.basicAck(tag, multiple);
        } catch (IOException | RuntimeException ex) {
            // the channel is gone: the broker redelivers, and the inbox recognises what was already handled
            log.debug("Cannot acknowledge delivery {} on {}", tag, queue, ex);
        }
    }

    private void requeue(Incoming incoming, Channel channel) {
        nack(incoming.message().getMessageProperties().getDeliveryTag(), channel);
    }

    private void nack(long tag, Channel channel) {
        try {
            channel.basicNack(tag, false, true);
        } catch (IOException | RuntimeException ex) {
            log.debug("Cannot return delivery {} to {}", tag, queue, ex);
        }
    }

    /** The envelope as read, every field checked before use. */
    record Envelope(@Nullable UUID id, @Nullable String type, @Nullable Integer version, @Nullable Instant occurredAt,
            @Nullable String aggregateId, @Nullable JsonNode payload) {
    }

    /** A readable message, its event, the payload as the handler takes it, and the tags of its span. */
    record Incoming(Message message, ReceivedEvent event, @Nullable Object payload, Map<String, String> spanTags) {
    }

    private static final class Tally {
        int handled;
        int duplicates;
        int ignored;
    }
}
