package com.emporium.order.payments;

import com.emporium.order.orders.Money;
import com.emporium.order.orders.OrderId;
import com.emporium.order.orders.OrderLifecycle;
import com.emporium.order.orders.PaymentOutcome;
import com.emporium.platform.events.EventSubscription;
import com.emporium.platform.events.ReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The payment events order-service follows, on one queue ({@code order-service.payments}): a succeeded payment
 * confirms its pending order. The handler runs in the transaction that records the event as handled, so a
 * redelivered event has no second effect; one that keeps failing (an unknown order, an amount that is not the
 * order's) is dead-lettered to {@code /api/orders/admin/dead-letters}.
 */
@Configuration(proxyBeanMethods = false)
class PaymentEvents {

    static final String SUBSCRIPTION = "payments";
    private static final Logger log = LoggerFactory.getLogger(PaymentEvents.class);

    @Bean
    EventSubscription paymentEventSubscription(OrderLifecycle lifecycle) {
        return EventSubscription.named(SUBSCRIPTION)
                .bind("payment.succeeded")
                .on("PaymentSucceeded", PaymentSucceeded.class, (event, meta) -> succeeded(lifecycle, event, meta))
                .build();
    }

    private static void succeeded(OrderLifecycle lifecycle, PaymentSucceeded event, ReceivedEvent meta) {
        if (event.orderId() == null || event.paymentId() == null || event.amount() == null
                || event.currency() == null) {
            throw new IllegalArgumentException("PaymentSucceeded " + meta.id()
                    + " lacks its orderId, paymentId, amount or currency");
        }
        OrderId orderId = new OrderId(event.orderId());
        PaymentOutcome outcome = lifecycle.paid(orderId, event.paymentId(), Money.toMinorUnits(event.amount()),
                event.currency());
        switch (outcome) {
            case PaymentOutcome.Confirmed confirmed -> log.info("Order {} is paid (payment {}) and confirmed", orderId,
                    event.paymentId());
            case PaymentOutcome.AlreadyConfirmed already -> log.debug("Order {} was confirmed by payment {} already",
                    orderId, event.paymentId());
            case PaymentOutcome.PaidTwice twice -> log.error("Order {} was paid again by payment {} (event {}) after "
                    + "payment {} confirmed it; it keeps the first", orderId, event.paymentId(), meta.id(),
                    twice.order().paymentId());
            case PaymentOutcome.PaidTooLate late -> log.warn("Order {} was paid (payment {}) after its payment window "
                    + "and reservation margin had passed; it is cancelled and payment-service refunds the payment",
                    orderId, event.paymentId());
            case PaymentOutcome.PaidAfterCancellation cancelled -> log.info("Order {} was paid (payment {}) after it "
                    + "was cancelled; it stays cancelled and payment-service refunds the payment", orderId,
                    event.paymentId());
        }
    }
}
