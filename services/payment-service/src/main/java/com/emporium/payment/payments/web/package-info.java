/** HTTP adapters of payments: {@code /api/payments} for customers and {@code /api/payments/admin} for admins. */
@NullMarked
package com.emporium.payment.payments.web;

import org.jspecify.annotations.NullMarked;
