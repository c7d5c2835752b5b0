package com.emporium.inventory.reservation.messaging;

import com.emporium.inventory.reservation.CommitOutcome;
import com.emporium.inventory.reservation.OrderId;
import com.emporium.inventory.reservation.ReleaseOutcome;
import com.emporium.inventory.reservation.ReservationService;
import com.emporium.inventory.reservation.StockGone;
import com.emporium.platform.events.EventSubscription;
import com.emporium.platform.events.ReceivedEvent;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order events inventory follows, on one queue ({@code inventory-service.orders}): a confirmed order's
 * reservation is committed, a cancelled order's released. Each runs in the transaction that records the event as
 * handled, so a redelivered event has no second effect; one that keeps failing is dead-lettered to
 * {@code /api/inventory/admin/dead-letters}.
 */
@Configuration(proxyBeanMethods = false)
class OrderEvents {

    static final String SUBSCRIPTION = "orders";
    private static final Logger log = LoggerFactory.getLogger(OrderEvents.class);

    @Bean
    EventSubscription orderEventSubscription(ReservationService reservations) {
        return EventSubscription.named(SUBSCRIPTION)
                .bind("order.confirmed", "order.cancelled")
                .on("OrderConfirmed", OrderConfirmed.class,
                        (event, meta) -> confirmed(reservations, orderId(event.orderId(), meta), meta))
                .on("OrderCancelled", OrderCancelled.class,
                        (event, meta) -> cancelled(reservations, orderId(event.orderId(), meta), event, meta))
                .build();
    }

    private static void confirmed(ReservationService reservations, OrderId orderId, ReceivedEvent meta) {
        CommitOutcome outcome;
        try {
            outcome = reservations.commit(orderId);
        } catch (StockGone ex) {
            log.error("PAID ORDER CANNOT BE FILLED FROM STOCK (event {}): {}. It will be retried, then dead-lettered "
                    + "for an admin.", meta.id(), ex.getMessage());
            throw ex;
        }
        switch (outcome) {
            case CommitOutcome.Committed() -> log.debug("Committed the reservation of order {}", orderId);
            case CommitOutcome.AlreadyCommitted() -> log.debug("Order {} was committed already", orderId);
            case CommitOutcome.OrderCancelled() -> log.warn("Order {} was confirmed (event {}) after it was cancelled:"
                    + " no stock is taken for it", orderId, meta.id());
            case CommitOutcome.Retaken(var previous) -> log.warn("Order {} was confirmed after its reservation was {}; "
                    + "its stock was still there and was taken again", orderId, previous.wireName());
        }
    }

    private static void cancelled(ReservationService reservations, OrderId orderId, OrderCancelled event,
            ReceivedEvent meta) {
        switch (reservations.release(orderId)) {
            case ReleaseOutcome.Released() -> log.debug("Released the reservation of cancelled order {}", orderId);
            case ReleaseOutcome.Restocked() -> log.info("Order {} was cancelled after it was confirmed ({}): its "
                    + "stock is back on hand", orderId, event.reason());
            case ReleaseOutcome.AlreadyReleased(var status) ->
                    log.debug("Order {} was cancelled; its reservation was {} already", orderId, status.wireName());
            case ReleaseOutcome.NoReservation() -> log.info("Order {} was cancelled (event {}, previous status {}); "
                    + "it held no reservation here", orderId, meta.id(), event.previousStatus());
        }
    }

    /** An event without its order id is not one this service can act on: retried, then dead-lettered. */
    private static OrderId orderId(@Nullable UUID orderId, ReceivedEvent meta) {
        if (orderId == null) {
            throw new IllegalArgumentException(meta.type() + " " + meta.id() + " has no orderId in its payload");
        }
        return new OrderId(orderId);
    }
}
