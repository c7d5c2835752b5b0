/** The catalog: products, their prices, images and stock levels, and what an admin may change about them. */
@NullMarked
package com.emporium.inventory.catalog;

import org.jspecify.annotations.NullMarked;
