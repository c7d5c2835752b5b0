/** Orders: the aggregate, its status machine, its events, reads for customers and admins, and payment expiry. */
@NullMarked
package com.emporium.order.orders;

import org.jspecify.annotations.NullMarked;
