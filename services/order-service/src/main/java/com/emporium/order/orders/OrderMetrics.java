package com.emporium.order.orders;

import com.emporium.platform.metrics.CommittedCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Orders placed, confirmed and cancelled ({@code emporium_orders_*_total}), counted where the change and its
 * event are recorded in the outbox, and only once that transaction commits: a refused or rolled-back change is
 * never counted. Every series exists at 0 from the start.
 */
@Component
class OrderMetrics {

    private final CommittedCounter placed;
    private final CommittedCounter confirmed;
    private final CommittedCounter cancelled;

    OrderMetrics(MeterRegistry registry) {
        this.placed = CommittedCounter.register(registry, "emporium.orders.placed", "Orders placed (pending)");
        this.confirmed = CommittedCounter.register(registry, "emporium.orders.confirmed", "Orders paid and confirmed");
        this.cancelled = CommittedCounter.register(registry, "emporium.orders.cancelled",
                "Orders cancelled, by who or what cancelled them", "reason",
                Arrays.stream(CancellationReason.values()).map(CancellationReason::wireName).toArray(String[]::new));
    }

    void placed() {
        placed.incrementOnCommit();
    }

    /** A transition was recorded; a cancellation always has its reason (its event was refused without one). */
    void moved(Transition transition, @Nullable CancellationReason reason) {
        switch (transition) {
            case CONFIRM -> confirmed.incrementOnCommit();
            case CANCEL -> cancelled.incrementOnCommit(Objects.requireNonNull(reason).wireName());
            case SHIP, DELIVER -> {
                // fulfilment is not among the business metrics yet
            }
        }
    }
}
