package com.emporium.payment.payments;

import com.emporium.payment.PaymentServiceProperties;
import com.emporium.payment.sandbox.SandboxClient;
import com.emporium.payment.sandbox.SandboxFailure;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Makes pending refunds at the provider, with the refund's id as its idempotency key (so a repeated call refunds
 * once), and records each that succeeded with its {@code PaymentRefunded}. Runs every {@code refunds.check} and
 * right after a transaction that created a refund commits; one that fails is tried again next round.
 */
@Component
class RefundWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);

    private final RefundRepository refunds;
    private final PaymentLedger ledger;
    private final SandboxClient provider;
    private final int batch;
    private final ExecutorService wakes = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final AtomicBoolean woken = new AtomicBoolean();

    RefundWorker(RefundRepository refunds, PaymentLedger ledger, SandboxClient provider,
            PaymentServiceProperties properties) {
        this.refunds = refunds;
        this.ledger = ledger;
        this.provider = provider;
        this.batch = properties.refunds().batch();
    }

    @TransactionalEventListener
    void refundRequested(RefundRequested created) {
        if (woken.compareAndSet(false, true)) {
            wakes.execute(() -> {
                woken.set(false);
                refundPending();
            });
        }
    }

    @Scheduled(initialDelayString = "${emporium.payments.refunds.check}",
            fixedDelayString = "${emporium.payments.refunds.check}")
    synchronized void refundPending() {
        List<RefundRepository.Pending> pending;
        try {
            pending = refunds.pending(batch);
        } catch (RuntimeException ex) {
            log.warn("Could not read the pending refunds: {}", ex.toString());
            return;
        }
        for (RefundRepository.Pending refund : pending) {
            try {
                String providerId = provider.refund(refund.id(), refund.chargeId(), refund.amountMinor(),
                        refund.reason());
                ledger.completeRefund(refund, providerId);
                log.info("Refunded payment {} ({})", refund.paymentId(), refund.reason());
            } catch (SandboxFailure ex) {
                log.warn("Refund {} of payment {} failed; trying again next round: {}", refund.id(),
                        refund.paymentId(), ex.getMessage());
            } catch (RuntimeException ex) {
                // one refund that cannot be completed must not hold up the others
                log.error("Refund {} of payment {} failed; trying again next round", refund.id(), refund.paymentId(),
                        ex);
            }
        }
    }

    @Override
    public void destroy() {
        wakes.shutdownNow();
    }
}
