/**
 * Stand-ins for the services order-service talks to, as real HTTP servers inside the test JVM (the JDK's
 * {@code com.sun.net.httpserver}): user-service's JWKS and token endpoint, and inventory-service's internal
 * reservation API as SPEC.md describes it, with faults a test can switch on.
 */
@NullMarked
package com.emporium.order.fake;

import org.jspecify.annotations.NullMarked;
