package com.emporium.payment.payments;

import com.emporium.platform.metrics.CommittedCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Payments succeeded, failed (by reason: {@code card-declined} and {@code insufficient-funds} are declines,
 * {@code charge-not-received} a charge given up) and refunded (by reason), as {@code emporium_payments_*_total}.
 * Counted in {@link PaymentLedger} where each outcome is recorded with its event, and only once that transaction
 * commits. Every series exists at 0 from the start.
 */
@Component
class PaymentMetrics {

    private final CommittedCounter succeeded;
    private final CommittedCounter failed;
    private final CommittedCounter refunded;

    PaymentMetrics(MeterRegistry registry) {
        this.succeeded = CommittedCounter.register(registry, "emporium.payments.succeeded",
                "Payments the provider charged");
        this.failed = CommittedCounter.register(registry, "emporium.payments.failed",
                "Payments that failed: declined by the provider, or a charge it never received", "reason",
                "card-declined", "insufficient-funds", PaymentLedger.CHARGE_NOT_RECEIVED);
        this.refunded = CommittedCounter.register(registry, "emporium.payments.refunded",
                "Charges refunded in full by the provider, by why they were refunded", "reason",
                PaymentLedger.ORDER_CANCELLED, PaymentLedger.ADMIN, PaymentLedger.ORPHAN_CHARGE);
    }

    void succeeded() {
        succeeded.incrementOnCommit();
    }

    void failed(String reason) {
        failed.incrementOnCommit(reason);
    }

    void refunded(String reason) {
        refunded.incrementOnCommit(reason);
    }
}
