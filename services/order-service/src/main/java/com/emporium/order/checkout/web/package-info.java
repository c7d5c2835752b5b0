/** HTTP adapter of checkout: {@code POST /api/orders}. */
@NullMarked
package com.emporium.order.checkout.web;

import org.jspecify.annotations.NullMarked;
