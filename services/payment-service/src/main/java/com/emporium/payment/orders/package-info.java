/**
 * What payment-service knows of orders: the facts their events bring, or order-service's internal API tells when a
 * payment comes before them (asked with the service's own token).
 */
@NullMarked
package com.emporium.payment.orders;

import org.jspecify.annotations.NullMarked;
