package com.emporium.payment.payments.messaging;

import com.emporium.payment.Money;
import com.emporium.payment.orders.OrderFacts;
import com.emporium.payment.orders.OrderFactsRepository;
import com.emporium.payment.orders.OrderStatus;
import com.emporium.payment.payments.PaymentLedger;
import com.emporium.platform.events.EventSubscription;
import com.emporium.platform.events.ReceivedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The order events payment-service follows, on one queue ({@code payment-service.orders}): each merges what it says
 * into the order's facts (the status only moves forward; {@code cancelled} is final), and {@code OrderCancelled}
 * also asks a refund of every charged payment of the order. Each runs in the transaction that records the event as
 * handled, calls nothing remote, and ends in the same state whatever the order and the duplicates of arrival.
 * Events that keep failing are dead-lettered to {@code /api/payments/admin/dead-letters}.
 */
@Configuration(proxyBeanMethods = false)
class OrderEvents {

    static final String SUBSCRIPTION = "orders";

    @Bean
    EventSubscription orderEventSubscription(OrderFactsRepository facts, PaymentLedger ledger) {
        return EventSubscription.named(SUBSCRIPTION)
                .bind("order.placed", "order.confirmed", "order.cancelled", "order.shipped", "order.delivered")
                .on("OrderPlaced", OrderEvent.class,
                        (event, meta) -> facts.merge(placed(event, meta)))
                .on("OrderConfirmed", OrderEvent.class,
                        (event, meta) -> facts.merge(status(event, meta, OrderStatus.CONFIRMED)))
                .on("OrderShipped", OrderEvent.class,
                        (event, meta) -> facts.merge(status(event, meta, OrderStatus.SHIPPED)))
                .on("OrderDelivered", OrderEvent.class,
                        (event, meta) -> facts.merge(status(event, meta, OrderStatus.DELIVERED)))
                .on("OrderCancelled", OrderEvent.class, (event, meta) -> {
                    OrderFacts cancelled = status(event, meta, OrderStatus.CANCELLED);
                    facts.merge(cancelled);
                    ledger.refundCancelledOrder(cancelled.orderId());
                })
                .build();
    }

    private static OrderFacts placed(OrderEvent event, ReceivedEvent meta) {
        OrderFacts facts = status(event, meta, OrderStatus.PENDING);
        if (event.totalAmount() == null || event.currency() == null || event.paymentDueBy() == null) {
            throw new IllegalArgumentException("OrderPlaced " + meta.id() + " lacks its total, currency or deadline");
        }
        return new OrderFacts(facts.orderId(), facts.customerId(), Money.toMinorUnits(event.totalAmount()),
                event.currency(), event.paymentDueBy(), OrderStatus.PENDING);
    }

    /** An event without its order or owner is not one this service can act on: retried, then dead-lettered. */
    private static OrderFacts status(OrderEvent event, ReceivedEvent meta, OrderStatus status) {
        if (event.orderId() == null || event.customerId() == null) {
            throw new IllegalArgumentException(meta.type() + " " + meta.id() + " has no orderId or customerId");
        }
        return new OrderFacts(event.orderId(), event.customerId(), null, null, null, status);
    }
}
