/** The order events that commit and release reservations. */
@NullMarked
package com.emporium.inventory.reservation.messaging;

import org.jspecify.annotations.NullMarked;
