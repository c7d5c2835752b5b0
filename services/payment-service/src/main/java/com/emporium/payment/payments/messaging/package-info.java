/** The order events payment-service follows: they keep its order facts, and a cancellation refunds the order. */
@NullMarked
package com.emporium.payment.payments.messaging;

import org.jspecify.annotations.NullMarked;
