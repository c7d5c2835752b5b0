package com.emporium.order.orders;

import java.util.UUID;

/**
 * A payment's amount or currency is not its order's. payment-service takes both from this service, so this is a
 * fault: the event is retried, then dead-lettered for an admin, and the order does not change.
 */
public final class PaymentMismatch extends RuntimeException {

    PaymentMismatch(OrderId order, UUID payment, long orderAmount, String orderCurrency, long paidAmount,
            String paidCurrency) {
        super("payment " + payment + " of order " + order + " paid " + Money.toDecimal(paidAmount) + " " + paidCurrency
                + " for a total of " + Money.toDecimal(orderAmount) + " " + orderCurrency);
    }
}
