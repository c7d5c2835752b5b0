package com.emporium.sandbox.charge.web;

import com.emporium.sandbox.charge.Amounts;
import com.emporium.sandbox.charge.NewRefund;
import com.emporium.sandbox.web.JsonBody;
import java.math.BigDecimal;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads {@code {"chargeId", "amount", "reason"}}, strictly; without an amount, all that is left is refunded. */
final class RefundRequest {

    private static final Set<String> FIELDS = Set.of("chargeId", "amount", "reason");

    private RefundRequest() {
    }

    static NewRefund read(String idempotencyKey, @Nullable String text) {
        JsonBody body = JsonBody.parse(text, FIELDS);
        String chargeId = body.text("chargeId", true);
        BigDecimal amount = body.decimal("amount", false);
        String reason = body.text("reason", false);
        if (chargeId != null && (chargeId.isEmpty() || chargeId.length() > 100)) {
            body.fail("chargeId", "must be 1 to 100 characters");
        }
        if (amount != null) {
            Amounts.problemWith(amount).ifPresent(problem -> body.fail("amount", problem));
        }
        if (reason != null && reason.length() > 100) {
            body.fail("reason", "must be at most 100 characters");
        }
        body.validate();
        return new NewRefund(idempotencyKey, chargeId, amount == null ? null : Amounts.toMinor(amount), reason);
    }
}
