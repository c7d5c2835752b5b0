package com.emporium.sandbox.ledger;

/** Counts of one currency's charges and their sums in minor units: charged (succeeded only) and refunded. */
public record LedgerTotals(long charges, long succeeded, long declined, long amountCharged, long amountRefunded,
        String currency) {
}
