/** Reservations: an order's stock held all or nothing, then committed, released or expired. */
@NullMarked
package com.emporium.inventory.reservation;

import org.jspecify.annotations.NullMarked;
