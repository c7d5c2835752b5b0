/** The ledger's totals at a glance, summed from the charges themselves. */
@NullMarked
package com.emporium.sandbox.ledger;

import org.jspecify.annotations.NullMarked;
