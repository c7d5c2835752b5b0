/** Charges and refunds of tokenized cards: the ledger, idempotent by key, which only ever grows. */
@NullMarked
package com.emporium.sandbox.charge;

import org.jspecify.annotations.NullMarked;
