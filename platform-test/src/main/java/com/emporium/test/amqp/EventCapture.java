package com.emporium.test.amqp;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Everything published to an exchange with a routing key that matches the capture's binding keys, from the moment
 * it is bound until it is closed: a test binds one before it acts, then waits for what the service publishes.
 *
 * <pre>{@code
 * try (EventCapture events = EventCapture.bind(TestBroker.shared("order-service"), "emporium.events", "order.*")) {
 *     api.post("/api/orders").json(order).send();
 *     CapturedMessage placed = events.awaitMatching(m -> "OrderPlaced".equals(m.type()), Duration.ofSeconds(5));
 *     EventContract.forRepository().validate(placed);
 * }
 * }</pre>
 *
 * <p>It declares the exchange as the services do (topic, durable, not auto-deleted, no arguments), so it may be
 * bound before the service has declared it, and binds an exclusive queue of its own that the broker deletes with
 * the capture's connection. Messages are acknowledged as they arrive; none is taken from another consumer.
 */
public final class EventCapture implements AutoCloseable {

    private static final String EVERYTHING = "#";

    private final String exchange;
    private final List<String> bindingKeys;
    private final Connection connection;
    /** Guards {@link #received} and {@link #stoppedBecause}; {@link #arrived} wakes the tests waiting on them. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<CapturedMessage> received = new ArrayList<>();
    private @Nullable String stoppedBecause;

    private EventCapture(String exchange, List<String> bindingKeys, Connection connection) {
        this.exchange = exchange;
        this.bindingKeys = bindingKeys;
        this.connection = connection;
    }

    /**
     * Starts capturing what is published to {@code exchange} with a routing key that matches one of
     * {@code bindingKeys} (topic patterns such as {@code order.*}; {@code #}, everything, when none is given).
     *
     * @throws IllegalStateException when the broker cannot be reached or refuses the declarations (an exchange of
     *     that name declared otherwise, for one)
     */
    public static EventCapture bind(TestBroker broker, String exchange, String... bindingKeys) {
        return bind(broker.connectionFactory(), exchange, bindingKeys);
    }

    /**
     * The same, on the broker and vhost this factory connects to (a platform a test did not make, for one).
     *
     * @throws IllegalStateException when the broker cannot be reached or refuses the declarations
     */
    public static EventCapture bind(ConnectionFactory factory, String exchange, String... bindingKeys) {
        List<String> keys = bindingKeys.length == 0 ? List.of(EVERYTHING) : List.of(bindingKeys);
        // a recovered connection would have missed what was published while it was gone: fail instead
        factory.setAutomaticRecoveryEnabled(false);
        Connection connection;
        try {
            connection = factory.newConnection("event-capture " + exchange + " " + keys);
        } catch (IOException | TimeoutException ex) {
            throw new IllegalStateException("cannot connect to " + factory.getHost() + ":" + factory.getPort()
                    + " vhost " + factory.getVirtualHost() + " to capture " + exchange, ex);
        }
        EventCapture capture = new EventCapture(exchange, keys, connection);
        try {
            capture.start();
        } catch (IOException ex) {
            capture.close();
            throw new IllegalStateException("cannot bind a capture queue to " + exchange + " with " + keys
                    + " in vhost " + factory.getVirtualHost(), ex);
        }
        return capture;
    }

    private void start() throws IOException {
        connection.addShutdownListener(this::onShutdown);
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true, false, null);
        String queue = channel.queueDeclare("", false, true, true, null).getQueue();
        for (String key : bindingKeys) {
            channel.queueBind(queue, exchange, key);
        }
        channel.basicConsume(queue, true, (tag, delivery) -> add(CapturedMessage.of(delivery)),
                tag -> stopped("the broker cancelled the capture's consumer (was its queue deleted?)"));
    }

    private void add(CapturedMessage message) {
        lock.lock();
        try {
            received.add(message);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void onShutdown(ShutdownSignalException cause) {
        if (!cause.isInitiatedByApplication()) {
            stopped("the capture's connection was lost (" + cause.getMessage() + ")");
        }
    }

    /** Nothing more will arrive: the waits fail at once rather than at their timeout. */
    private void stopped(String reason) {
        lock.lock();
        try {
            stoppedBecause = reason;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** What has arrived so far, in order of arrival. */
    public List<CapturedMessage> all() {
        lock.lock();
        try {
            return List.copyOf(received);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} messages have arrived and returns all that have.
     *
     * @throws AssertionError saying how many arrived when fewer did within {@code timeout}
     */
    public List<CapturedMessage> awaitCount(int count, Duration timeout) {
        return await(timeout, () -> received.size() >= count ? Optional.of(List.copyOf(received)) : Optional.empty(),
                "at least " + count + " message(s)");
    }

    /**
     * Waits for the first message, in order of arrival, that {@code condition} accepts (one that arrived before
     * the call counts).
     *
     * @throws AssertionError listing what did arrive when none matched within {@code timeout}
     */
    public CapturedMessage awaitMatching(Predicate<CapturedMessage> condition, Duration timeout) {
        return await(timeout, () -> received.stream().filter(condition).findFirst(), "a matching message");
    }

    /** Waits until {@code check}, asked under the lock at each arrival, finds what it wants. */
    private <T> T await(Duration timeout, Supplier<Optional<T>> check, String wanted) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Optional<T> result = check.get();
                if (result.isPresent()) {
                    return result.get();
                }
                if (stoppedBecause != null) {
                    throw new AssertionError("waited for " + wanted + " on " + describe() + " but " + stoppedBecause
                            + "; " + arrivedSoFar());
                }
                if (remaining <= 0) {
                    throw new AssertionError("waited " + timeout.toMillis() + " ms for " + wanted + " on "
                            + describe() + "; " + arrivedSoFar());
                }
                remaining = arrived.awaitNanos(remaining);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + wanted + " on " + describe(), ex);
        } finally {
            lock.unlock();
        }
    }

    private String describe() {
        return "exchange " + exchange + " with binding keys " + bindingKeys;
    }

    private String arrivedSoFar() {
        if (received.isEmpty()) {
            return "0 messages arrived";
        }
        return received.size() + " message(s) arrived:" + received.stream()
                .map(message -> "\n  - " + message)
                .collect(Collectors.joining());
    }

    /** Closes the connection; the broker deletes the capture's queue with it. */
    @Override
    public void close() {
        try {
            connection.close();
        } catch (IOException | ShutdownSignalException ex) {
            // already closed, by the broker or a cut network: the queue went with it
        }
    }
}
