/**
 * The payment provider (the sandbox, contracts in its own module) as payment-service calls it: charges with
 * retries only where the provider surely did not act, a circuit breaker, look-ups of charges whose answer was lost,
 * and refunds. Knows nothing of payments or orders.
 */
@NullMarked
package com.emporium.payment.sandbox;

import org.jspecify.annotations.NullMarked;
