/** payment-service: charges orders at the payment provider, refunds cancelled ones, and publishes payment events. */
@NullMarked
package com.emporium.payment;

import org.jspecify.annotations.NullMarked;
