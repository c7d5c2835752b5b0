/**
 * Payments of orders: the charge at the provider, what became of it (resolved later when its answer was lost),
 * refunds, and the payment events, each recorded with its change in one transaction.
 */
@NullMarked
package com.emporium.payment.payments;

import org.jspecify.annotations.NullMarked;
