package com.emporium.sandbox.charge.web;

import com.emporium.sandbox.charge.Amounts;
import com.emporium.sandbox.charge.NewCharge;
import com.emporium.sandbox.web.JsonBody;
import java.math.BigDecimal;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Reads {@code {"token", "amount", "currency", "reference", "description"}}, strictly. */
final class ChargeRequest {

    private static final Set<String> FIELDS = Set.of("token", "amount", "currency", "reference", "description");
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private ChargeRequest() {
    }

    static NewCharge read(String idempotencyKey, @Nullable String text) {
        JsonBody body = JsonBody.parse(text, FIELDS);
        String token = body.text("token", true);
        BigDecimal amount = body.decimal("amount", true);
        String currency = body.text("currency", true);
        String reference = body.text("reference", true);
        String description = body.text("description", false);
        if (token != null && (token.isEmpty() || token.length() > 100)) {
            body.fail("token", "must be 1 to 100 characters");
        }
        if (amount != null) {
            Amounts.problemWith(amount).ifPresent(problem -> body.fail("amount", problem));
        }
        if (currency != null && !CURRENCY.matcher(currency).matches()) {
            body.fail("currency", "must be three upper-case letters (ISO 4217), such as USD");
        }
        if (reference != null && (reference.isBlank() || reference.length() > 100)) {
            body.fail("reference", "must be 1 to 100 characters, not only spaces");
        }
        if (description != null && description.length() > 200) {
            body.fail("description", "must be at most 200 characters");
        }
        body.validate();
        return new NewCharge(idempotencyKey, token, Amounts.toMinor(amount), currency, reference, description);
    }
}
