/** The storefront as the run command serves it: its page, its runtime configuration and its headers. */
@NullMarked
package com.emporium.e2e.storefront;

import org.jspecify.annotations.NullMarked;
