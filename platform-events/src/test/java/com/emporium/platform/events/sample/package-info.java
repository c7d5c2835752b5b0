/**
 * A small service that stands in for the real ones in the backbone's tests: deposits to accounts are its state
 * changes, {@code DepositMade} its event, and its own subscription applies each deposit's effect.
 */
@NullMarked
package com.emporium.platform.events.sample;

import org.jspecify.annotations.NullMarked;
