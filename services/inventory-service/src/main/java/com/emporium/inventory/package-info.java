/** inventory-service: the catalog, stock levels, and the reservations that keep orders from overselling. */
@NullMarked
package com.emporium.inventory;

import org.jspecify.annotations.NullMarked;
