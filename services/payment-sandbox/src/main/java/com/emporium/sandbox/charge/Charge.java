package com.emporium.sandbox.charge;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One charge of a card, as the ledger has it: succeeded, or declined with its {@code declineCode}. Amounts are minor
 * units. Nothing of it changes after it is recorded but its refunds (and {@code amountRefunded}, their sum).
 */
public record Charge(String id, String idempotencyKey, String requestHash, ChargeStatus status,
        @Nullable String declineCode, long amount, String currency, String token, String cardBrand, String cardLast4,
        String reference, @Nullable String description, long amountRefunded, Instant createdAt,
        List<Refund> refunds) {

    public Charge {
        refunds = List.copyOf(refunds);
    }

    /** The charge as it was when it was made: its first answer, which a replay of its key repeats. */
    public Charge asFirstAnswered() {
        return new Charge(id, idempotencyKey, requestHash, status, declineCode, amount, currency, token, cardBrand,
                cardLast4, reference, description, 0, createdAt, List.of());
    }

    Charge withRefunds(List<Refund> all) {
        return new Charge(id, idempotencyKey, requestHash, status, declineCode, amount, currency, token, cardBrand,
                cardLast4, reference, description, amountRefunded, createdAt, all);
    }

    long refundable() {
        return status == ChargeStatus.SUCCEEDED ? amount - amountRefunded : 0;
    }
}
