/** The internal reservation API that order-service calls with its service token. */
@NullMarked
package com.emporium.inventory.reservation.web;

import org.jspecify.annotations.NullMarked;
