package com.emporium.sandbox.ledger.web;

import com.emporium.sandbox.SandboxProblem;
import com.emporium.sandbox.ledger.Ledger;
import com.emporium.sandbox.ledger.LedgerTotals;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/ledger?currency=USD}: how many charges, how many succeeded and declined, and the sums. */
@RestController
class LedgerController {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Ledger ledger;

    LedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/v1/ledger")
    TotalsView totals(@RequestParam(defaultValue = "USD") String currency) {
        if (!CURRENCY.matcher(currency).matches()) {
            throw SandboxProblem.invalid("validation", "currency", "must be three upper-case letters (ISO 4217)");
        }
        LedgerTotals totals = ledger.totals(currency);
        return new TotalsView(totals.charges(), totals.succeeded(), totals.declined(),
                BigDecimal.valueOf(totals.amountCharged(), 2), BigDecimal.valueOf(totals.amountRefunded(), 2),
                totals.currency());
    }

    record TotalsView(long charges, long succeeded, long declined, BigDecimal amountCharged,
            BigDecimal amountRefunded, String currency) {
    }
}
