package com.emporium.payment.payments;

import com.emporium.payment.PaymentServiceProperties;
import com.emporium.payment.sandbox.RefundRejected;
import com.emporium.payment.sandbox.SandboxClient;
import com.emporium.payment.sandbox.SandboxFailure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
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
 * right after a transaction that created a refund commits, in every instance: each refund is claimed with a lease
 * ({@code refunds.lease}, committed before the provider is called), so one instance sends it at a time. One that
 * fails is tried again next round; one the provider refuses for good ({@link RefundRejected}) is parked as failed
 * after {@code refunds.max-rejections} refusals, logged as an ERROR and counted ({@code payment_refunds_parked}).
 */
@Component
class RefundWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefundWorker.class);

    private final RefundRepository refunds;
    private final PaymentLedger ledger;
    private final SandboxClient provider;
    private final PaymentServiceProperties.Refunds settings;
    private final Clock clock;
    private final Counter parked;
    private final ExecutorService wakes = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final AtomicBoolean woken = new AtomicBoolean();

    RefundWorker(RefundRepository refunds, PaymentLedger ledger, SandboxClient provider,
            PaymentServiceProperties properties, Clock clock, MeterRegistry meters) {
        this.refunds = refunds;
        this.ledger = ledger;
        this.provider = provider;
        this.settings = properties.refunds();
        this.clock = clock;
        this.parked = Counter.builder("payment.refunds.parked")
                .description("Refunds the provider refused for good, parked as failed for an admin")
                .register(meters);
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
        List<RefundRepository.Pending> claimed;
        try {
            Instant now = clock.instant();
            claimed = refunds.claim(settings.batch(), now, now.plus(settings.lease()));
        } catch (RuntimeException ex) {
            log.warn("Could not claim the pending refunds: {}", ex.toString());
            return;
        }
        for (RefundRepository.Pending refund : claimed) {
            try {
                String providerId = provider.refund(refund.id(), refund.chargeId(), refund.amountMinor(),
                        refund.reason());
                ledger.completeRefund(refund, providerId);
                log.info("Refunded payment {} ({})", refund.paymentId(), refund.reason());
            } catch (RefundRejected ex) {
                rejected(refund, ex);
            } catch (SandboxFailure ex) {
                log.warn("Refund {} of payment {} failed; trying again next round: {}", refund.id(),
                        refund.paymentId(), ex.getMessage());
                release(refund);
            } catch (RuntimeException ex) {
                // one refund that cannot be completed must not hold up the others
                log.error("Refund {} of payment {} failed; trying again next round", refund.id(), refund.paymentId(),
                        ex);
                release(refund);
            }
        }
    }

    /** The provider refused it for good: tried again a few times (it may be a passing state), then parked. */
    private void rejected(RefundRepository.Pending refund, RefundRejected rejection) {
        try {
            int rejections = refunds.rejected(refund.id());
            if (rejections < settings.maxRejections()) {
                log.warn("The payment provider refused refund {} of payment {} ({} of {}): {}", refund.id(),
                        refund.paymentId(), rejections, settings.maxRejections(), rejection.getMessage());
                return;
            }
            ledger.parkRefund(refund, rejection.status() + " " + (rejection.type() == null ? "" : rejection.type()));
            parked.increment();
            log.error("Gave up refund {} of payment {} (charge {}) after {} refusals of the payment provider ({}); "
                    + "an admin must settle it", refund.id(), refund.paymentId(), refund.chargeId(), rejections,
                    rejection.getMessage());
        } catch (RuntimeException ex) {
            log.error("Could not record the refusal of refund {}", refund.id(), ex);
        }
    }

    private void release(RefundRepository.Pending refund) {
        try {
            refunds.release(refund.id());
        } catch (RuntimeException ex) {
            log.warn("Could not release refund {}; its lease runs out by itself: {}", refund.id(), ex.toString());
        }
    }

    @Override
    public void destroy() {
        wakes.shutdownNow();
    }
}
