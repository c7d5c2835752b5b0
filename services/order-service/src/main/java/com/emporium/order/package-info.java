/** order-service: checkout against inventory's reservations, the order lifecycle and its events. */
@NullMarked
package com.emporium.order;

import org.jspecify.annotations.NullMarked;
