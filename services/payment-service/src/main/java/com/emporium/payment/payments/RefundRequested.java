package com.emporium.payment.payments;

/** A refund was created in the current transaction: the worker is woken once it commits. */
record RefundRequested() {
}
