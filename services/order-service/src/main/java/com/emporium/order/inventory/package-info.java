/**
 * inventory-service's internal reservation API as order-service calls it: a service token, timeouts, retries
 * with backoff and a circuit breaker.
 */
@NullMarked
package com.emporium.order.inventory;

import org.jspecify.annotations.NullMarked;
