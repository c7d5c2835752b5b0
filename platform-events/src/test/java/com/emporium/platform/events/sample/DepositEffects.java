package com.emporium.platform.events.sample;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.emporium.platform.events.EventSubscription;
import com.emporium.platform.events.ReceivedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sample's consumer: each {@code DepositMade} adds an {@code effects} row (no unique key, so that a second
 * effect of one event would show). An account listed in {@code faults} makes the handler throw, as a bug or a
 * bad event would; an account listed in {@code careless} makes it swallow a database error and return, as a careless
 * handler would; {@link #attempts(UUID)} counts the handler's calls per event, outside any transaction.
 */
@Configuration(proxyBeanMethods = false)
public class DepositEffects {

    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile Consumer<UUID> committed = eventId -> { };

    /** Tells {@code listener} each event id whose effect has just committed (the benchmark times them). */
    public void onCommitted(Consumer<UUID> listener) {
        this.committed = listener;
    }

    @Bean
    EventSubscription depositEvents(JdbcTemplate jdbc) {
        return EventSubscription.named("deposits")
                .bind("sample.#")
                .on("DepositMade", DepositMade.class, (deposit, event) -> apply(jdbc, deposit, event))
                .build();
    }

    private void apply(JdbcTemplate jdbc, DepositMade deposit, ReceivedEvent event) {
        attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        Integer faulty = jdbc.queryForObject("SELECT count(*) FROM faults WHERE account_id = ?", Integer.class,
                deposit.accountId());
        if (faulty != null && faulty > 0) {
            throw new IllegalStateException("account " + deposit.accountId() + " is marked faulty");
        }
        jdbc.update("INSERT INTO effects (event_id, account_id, sequence, amount) VALUES (?, ?, ?, ?)", event.id(),
                deposit.accountId(), deposit.sequence(), deposit.amount());
        try {
            // a careless account is listed already: this insert fails, and the handler takes that as done
            jdbc.update("INSERT INTO careless (account_id) SELECT ? WHERE EXISTS "
                    + "(SELECT 1 FROM careless WHERE account_id = ?)", deposit.accountId(), deposit.accountId());
        } catch (DuplicateKeyException ex) {
            // what a careless handler does; PostgreSQL has aborted the transaction all the same
        }
        Consumer<UUID> listener = committed;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                listener.accept(event.id());
            }
        });
    }

    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
