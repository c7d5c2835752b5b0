/**
 * Stand-ins for what payment-service talks to, as real HTTP servers inside the test JVM: user-service's token
 * endpoint, order-service's internal order API, and the payment provider (the sandbox's API) with faults a test can
 * switch on.
 */
@NullMarked
package com.emporium.payment.fake;

import org.jspecify.annotations.NullMarked;
