/** payment-sandbox: a stand-in for an external card processor, with a ledger that survives restarts. */
@NullMarked
package com.emporium.sandbox;

import org.jspecify.annotations.NullMarked;
