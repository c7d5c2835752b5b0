/** HTTP adapters for the public catalog, its administration and the product images. */
@NullMarked
package com.emporium.inventory.catalog.web;

import org.jspecify.annotations.NullMarked;
