/**
 * Payments as order-service hears of them: payment-service's {@code PaymentSucceeded} confirms a pending order.
 * Refunds stay with payment-service, which follows {@code OrderCancelled}.
 */
@NullMarked
package com.emporium.order.payments;

import org.jspecify.annotations.NullMarked;
