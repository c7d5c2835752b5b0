package com.emporium.sandbox.ledger;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Sums the ledger. {@code amount_refunded} of each charge is kept by the database from its refunds. */
@Service
public class Ledger {

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public LedgerTotals totals(String currency) {
        return jdbc.sql("""
                SELECT count(*) AS charges,
                       count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
                       count(*) FILTER (WHERE status = 'declined') AS declined,
                       coalesce(sum(amount) FILTER (WHERE status = 'succeeded'), 0) AS amount_charged,
                       coalesce(sum(amount_refunded), 0) AS amount_refunded
                  FROM charges WHERE currency = :currency
                """)
                .param("currency", currency)
                .query((row, number) -> new LedgerTotals(row.getLong("charges"), row.getLong("succeeded"),
                        row.getLong("declined"), row.getLong("amount_charged"), row.getLong("amount_refunded"),
                        currency))
                .single();
    }
}
