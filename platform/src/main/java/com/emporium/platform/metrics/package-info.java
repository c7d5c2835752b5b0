/**
 * Business metrics that count what was committed: {@link CommittedCounter} increments once the transaction that
 * made the change commits, and never for one that rolled back.
 */
@NullMarked
package com.emporium.platform.metrics;

import org.jspecify.annotations.NullMarked;
