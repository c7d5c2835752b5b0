/**
 * The checkout saga through the gateway, every service its own process: pay, decline, deadlines, refunds, abuse,
 * and the saga's events delivered again in another order.
 */
@NullMarked
package com.emporium.e2e.payments;

import org.jspecify.annotations.NullMarked;
