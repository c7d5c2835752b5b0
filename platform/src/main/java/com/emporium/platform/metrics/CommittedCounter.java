package com.emporium.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A counter of a business fact (an order placed, a payment refunded) that counts the fact only once it is true
 * for everyone: inside a transaction, {@link #incrementOnCommit} increments after the commit and not at all on a
 * rollback, so a counter and the database never disagree; outside one it increments at once. Call it where the
 * state change and its outbox event are recorded.
 *
 * <p>The Micrometer name is given without {@code _total} (the Prometheus registry adds it); one tag, whose values
 * are known in advance, may split the count. Every value given to {@link #register} is registered at once, so
 * each series exists at 0 from the start and {@code rate()} and {@code increase()} see its first increment.
 */
public final class CommittedCounter {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    private final String tagKey;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    private CommittedCounter(MeterRegistry registry, String name, String description, String tagKey) {
        this.registry = registry;
        this.name = name;
        this.description = description;
        this.tagKey = tagKey;
    }

    /** A counter without tags, registered at 0. */
    public static CommittedCounter register(MeterRegistry registry, String name, String description) {
        CommittedCounter counter = new CommittedCounter(registry, name, description, "");
        counter.counter("");
        return counter;
    }

    /** A counter split by {@code tagKey}, with a series at 0 for each of {@code knownValues}. */
    public static CommittedCounter register(MeterRegistry registry, String name, String description, String tagKey,
            String... knownValues) {
        if (tagKey.isBlank()) {
            throw new IllegalArgumentException("a tag key is needed to split " + name);
        }
        CommittedCounter counter = new CommittedCounter(registry, name, description, tagKey);
        for (String value : knownValues) {
            counter.counter(value);
        }
        return counter;
    }

    /** Counts one, after the current transaction commits (now when there is none). */
    public void incrementOnCommit() {
        if (!tagKey.isEmpty()) {
            throw new IllegalStateException(name + " is split by " + tagKey + ": say which value to count");
        }
        incrementOnCommit("");
    }

    /** Counts one under {@code tagValue} of the counter's tag, after the current transaction commits. */
    public void incrementOnCommit(String tagValue) {
        Counter counter = counter(tagValue);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /** What the counter has counted under {@code tagValue} (for tests). */
    public double count(String tagValue) {
        return counter(tagValue).count();
    }

    private Counter counter(String tagValue) {
        return counters.computeIfAbsent(tagValue, value -> Counter.builder(name).description(description)
                .tags(tagKey.isEmpty() ? Tags.empty() : Tags.of(tagKey, value)).register(registry));
    }
}
