/** Orders through the gateway: the walk-through, bad input and other customers' orders. */
@NullMarked
package com.emporium.e2e.orders;

import org.jspecify.annotations.NullMarked;
