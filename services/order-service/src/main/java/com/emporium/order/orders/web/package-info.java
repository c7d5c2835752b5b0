/** HTTP adapters of orders: a customer's own orders, cancelling, and the admin's list, ship and deliver. */
@NullMarked
package com.emporium.order.orders.web;

import org.jspecify.annotations.NullMarked;
