package com.emporium.order.orders;

import com.emporium.order.OrderServiceProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cancels pending orders left unpaid past their {@code paymentDueBy} (reason {@code payment-expired}), which
 * sends {@code OrderCancelled} and so releases their stock. Runs in every instance; {@code SKIP LOCKED} keeps
 * instances from working on the same orders, and a full batch is followed at once by the next.
 */
@Component
class PaymentExpiry {

    private static final Logger log = LoggerFactory.getLogger(PaymentExpiry.class);

    private final OrderLifecycle lifecycle;
    private final int batchSize;

    PaymentExpiry(OrderLifecycle lifecycle, OrderServiceProperties properties) {
        this.lifecycle = lifecycle;
        this.batchSize = properties.paymentExpiryBatch();
    }

    @Scheduled(initialDelayString = "${emporium.orders.payment-expiry-check}",
            fixedDelayString = "${emporium.orders.payment-expiry-check}")
    void cancelOverdue() {
        int cancelled;
        do {
            cancelled = lifecycle.expireOverdue(batchSize);
            if (cancelled > 0) {
                log.info("Cancelled {} order(s) left unpaid past their payment window", cancelled);
            }
        } while (cancelled == batchSize);
    }
}
