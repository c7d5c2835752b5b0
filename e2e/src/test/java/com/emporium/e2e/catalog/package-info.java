/** Browsing the catalog through the gateway, as an anonymous shopper. */
@NullMarked
package com.emporium.e2e.catalog;

import org.jspecify.annotations.NullMarked;
