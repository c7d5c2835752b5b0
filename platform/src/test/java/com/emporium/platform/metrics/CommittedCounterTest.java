package com.emporium.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class CommittedCounterTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void endTransaction() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void registersEveryKnownValueAtZero() {
        CommittedCounter.register(registry, "shop.orders.cancelled", "orders cancelled", "reason", "customer", "admin");

        assertThat(registry.find("shop.orders.cancelled").counters()).hasSize(2)
                .allSatisfy(counter -> assertThat(counter.count()).isZero());
        assertThat(registry.get("shop.orders.cancelled").tag("reason", "admin").counter().count()).isZero();
    }

    @Test
    void countsAtOnceOutsideATransaction() {
        CommittedCounter placed = CommittedCounter.register(registry, "shop.orders.placed", "orders placed");

        placed.incrementOnCommit();

        assertThat(registry.get("shop.orders.placed").counter().count()).isEqualTo(1.0);
    }

    @Test
    void countsOnlyAfterTheTransactionCommits() {
        CommittedCounter placed = CommittedCounter.register(registry, "shop.orders.placed", "orders placed");
        TransactionSynchronizationManager.initSynchronization();

        placed.incrementOnCommit();
        assertThat(placed.count("")).isZero();
        TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);

        assertThat(placed.count("")).isEqualTo(1.0);
    }

    @Test
    void neverCountsARolledBackChange() {
        CommittedCounter failed = CommittedCounter.register(registry, "shop.payments.failed", "payments failed",
                "reason", "card-declined");
        TransactionSynchronizationManager.initSynchronization();

        failed.incrementOnCommit("card-declined");
        TransactionSynchronizationManager.getSynchronizations().forEach(synchronization ->
                synchronization.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));

        assertThat(failed.count("card-declined")).isZero();
    }
}
