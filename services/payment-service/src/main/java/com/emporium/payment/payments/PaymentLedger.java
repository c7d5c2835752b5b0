package com.emporium.payment.payments;

import com.emporium.payment.Money;
import com.emporium.payment.orders.OrderFacts;
import com.emporium.payment.orders.OrderFactsRepository;
import com.emporium.payment.orders.OrderStatus;
import com.emporium.payment.sandbox.ChargeOutcome;
import com.emporium.platform.events.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write to payments and refunds, each in one transaction with its event. Each transaction locks the order's
 * {@code order_facts} row first, then the payment: so an order's events are written (and leave the outbox) in
 * order, and a charge's outcome, the resolver, a cancellation and a refund never cross.
 */
@Service
public class PaymentLedger {

    private static final Logger log = LoggerFactory.getLogger(PaymentLedger.class);
    private static final Set<String> DECLINE_CODES = Set.of("card-declined", "insufficient-funds");
    static final String ORDER_CANCELLED = "order-cancelled";
    static final String ADMIN = "admin";
    static final String ORPHAN_CHARGE = "orphan-charge";
    static final String CHARGE_NOT_RECEIVED = "charge-not-received";

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final OrderFactsRepository facts;
    private final Outbox outbox;
    private final ApplicationEventPublisher signals;
    private final Clock clock;
    private final PaymentMetrics metrics;

    PaymentLedger(PaymentRepository payments, RefundRepository refunds, OrderFactsRepository facts, Outbox outbox,
            ApplicationEventPublisher signals, Clock clock, PaymentMetrics metrics) {
        this.payments = payments;
        this.refunds = refunds;
        this.facts = facts;
        this.outbox = outbox;
        this.signals = signals;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * Transaction 1 of a payment: under the order's lock, answers a key seen before, refuses an order that cannot be
     * paid, or stores the payment {@code processing}.
     *
     * @return the stored payment and whether it is one stored before under the key
     */
    @Transactional
    PaymentService.Attempt open(UUID orderId, UUID customerId, String key, byte[] hash) {
        OrderFacts order = facts.lock(orderId).orElseThrow(() -> Problems.orderNotFound(orderId));
        Optional<PaymentRepository.Keyed> earlier = payments.findByKey(customerId, key);
        if (earlier.isPresent()) {
            return PaymentService.replay(earlier.get(), hash);
        }
        refuseUnpayable(order, customerId);
        UUID id = UUID.randomUUID();
        payments.insert(id, orderId, customerId, order.amountMinor(), order.currency(), key, hash, now());
        return new PaymentService.Attempt(payments.find(id).orElseThrow(), false);
    }

    /**
     * Why the order cannot be paid by this customer now, as a problem; nothing when it can.
     */
    void refuseUnpayable(OrderFacts order, UUID customerId) {
        if (!order.customerId().equals(customerId) || !order.isPriced()) {
            throw Problems.orderNotFound(order.orderId());
        }
        Optional<Payment> live = payments.live(order.orderId());
        if (order.status().isPaid() || live.filter(p -> p.status() == PaymentStatus.SUCCEEDED).isPresent()) {
            throw Problems.alreadyPaid();
        }
        if (order.status() == OrderStatus.CANCELLED) {
            throw Problems.orderCancelled();
        }
        if (clock.instant().isAfter(order.paymentDueBy())) {
            throw Problems.windowClosed();
        }
        if (live.isPresent()) {
            throw Problems.inProgress();
        }
    }

    /** Forgets a payment whose charge surely never happened, so that its key can be tried again. */
    @Transactional
    void discard(UUID paymentId) {
        payments.delete(paymentId);
    }

    /**
     * Transaction 2: records what the provider said of a charge, if the payment is still processing (else it was
     * resolved already, and stays as it is). A charge of an order cancelled meanwhile is refunded.
     */
    @Transactional
    public Payment record(UUID paymentId, ChargeOutcome outcome) {
        Payment payment = payments.find(paymentId).orElseThrow();
        OrderFacts order = facts.lock(payment.orderId()).orElseThrow();
        payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() == PaymentStatus.FAILED && outcome instanceof ChargeOutcome.Charged charged) {
            refundOrphan(payment, charged);
            return payments.find(paymentId).orElseThrow();
        }
        if (payment.status() != PaymentStatus.PROCESSING) {
            return payment;
        }
        Instant now = now();
        switch (outcome) {
            case ChargeOutcome.Charged charged -> {
                payments.succeeded(paymentId, charged.chargeId(), charged.brand(), charged.last4(), now);
                outbox.record(payment.orderId(), new PaymentSucceeded(paymentId, payment.orderId(),
                        payment.customerId(), Money.toDecimal(payment.amountMinor()), payment.currency(),
                        charged.chargeId(), now));
                metrics.succeeded();
                if (order.status() == OrderStatus.CANCELLED) {
                    log.info("Payment {} was charged after its order {} was cancelled: refunding it", paymentId,
                            payment.orderId());
                    requestRefund(payments.find(paymentId).orElseThrow(), ORDER_CANCELLED);
                }
            }
            case ChargeOutcome.Declined declined -> fail(payment, declineCode(declined.declineCode()), now);
            case ChargeOutcome.Unknown unknown -> {
                // stays processing: the resolver asks the provider later
            }
            case ChargeOutcome.Rejected rejected ->
                    throw new IllegalArgumentException("a rejected charge is discarded");
        }
        return payments.find(paymentId).orElseThrow();
    }

    /**
     * The provider charged a payment that was given up already (its answer came after the abandon window): the money
     * was taken for a payment the order was told failed. The payment stays failed, keeps the charge's id, and the
     * charge is refunded in full ({@code orphan-charge}); no payment event goes out, since the order was told of the
     * failure. Recorded once: a payment that has the charge already is left alone.
     */
    private void refundOrphan(Payment payment, ChargeOutcome.Charged charged) {
        if (payment.chargeId() != null) {
            return;
        }
        log.error("Payment {} of order {} was given up ({}) but the provider charged it ({}): refunding that charge",
                payment.id(), payment.orderId(), payment.failureReason(), charged.chargeId());
        Instant now = now();
        payments.orphanCharged(payment.id(), charged.chargeId(), charged.brand(), charged.last4(), now);
        requestRefund(payment, ORPHAN_CHARGE);
    }

    /** A charge the provider never received, given up: {@code charge-not-received}. */
    @Transactional
    public void abandon(UUID paymentId) {
        Payment payment = payments.find(paymentId).orElseThrow();
        facts.lock(payment.orderId());
        payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() == PaymentStatus.PROCESSING) {
            fail(payment, CHARGE_NOT_RECEIVED, now());
        }
    }

    private void fail(Payment payment, String reason, Instant now) {
        payments.failed(payment.id(), reason, now);
        outbox.record(payment.orderId(), new PaymentFailed(payment.id(), payment.orderId(), payment.customerId(),
                Money.toDecimal(payment.amountMinor()), payment.currency(), reason, now));
        metrics.failed(reason);
    }

    /**
     * The order was cancelled: every charged payment of it without a refund gets one ({@code order-cancelled}). Runs
     * in the caller's transaction (the event listener's), after the order's facts were merged.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refundCancelledOrder(UUID orderId) {
        facts.lock(orderId);
        for (Payment payment : payments.succeededWithoutRefund(orderId)) {
            payments.lock(payment.id());
            requestRefund(payment, ORDER_CANCELLED);
        }
    }

    /** An admin refunds a charged payment. */
    @Transactional
    Payment refundByAdmin(UUID paymentId) {
        Payment payment = payments.find(paymentId).orElseThrow(() -> Problems.paymentNotFound(paymentId));
        facts.lock(payment.orderId());
        payment = payments.lock(paymentId).orElseThrow();
        if (payment.status() != PaymentStatus.SUCCEEDED || !"none".equals(payment.refundStatus())) {
            throw Problems.notRefundable();
        }
        requestRefund(payment, ADMIN);
        return payments.find(paymentId).orElseThrow();
    }

    private void requestRefund(Payment payment, String reason) {
        Instant now = now();
        refunds.insert(UUID.randomUUID(), payment.id(), payment.amountMinor(), reason, now);
        payments.refundStatus(payment.id(), "pending", now);
        signals.publishEvent(new RefundRequested());
    }

    /** The provider refunded: the refund succeeded, the payment is refunded, and {@code PaymentRefunded} goes out. */
    @Transactional
    void completeRefund(RefundRepository.Pending refund, String providerRefundId) {
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        facts.lock(payment.orderId());
        if (!refunds.lockStatus(refund.id()).map("pending"::equals).orElse(false)) {
            return;
        }
        Instant now = now();
        refunds.succeeded(refund.id(), providerRefundId, now);
        payments.refundStatus(payment.id(), "refunded", now);
        metrics.refunded(refund.reason());
        if (ORPHAN_CHARGE.equals(refund.reason())) {
            log.warn("Refunded the orphan charge {} of failed payment {}", payment.chargeId(), payment.id());
            return;
        }
        outbox.record(payment.orderId(), new PaymentRefunded(payment.id(), refund.id(), payment.orderId(),
                payment.customerId(), Money.toDecimal(refund.amountMinor()), payment.currency(), refund.reason(), now));
    }

    /**
     * The provider refuses the refund for good: it is parked as failed, and the payment's refund shows it, for an
     * admin to look at. Nothing is published: the money has not moved.
     */
    @Transactional
    void parkRefund(RefundRepository.Pending refund, String failure) {
        Payment payment = payments.find(refund.paymentId()).orElseThrow();
        facts.lock(payment.orderId());
        if (!refunds.lockStatus(refund.id()).map("pending"::equals).orElse(false)) {
            return;
        }
        refunds.failed(refund.id(), failure);
        payments.refundStatus(payment.id(), "failed", now());
    }

    private static String declineCode(String code) {
        return DECLINE_CODES.contains(code) ? code : "card-declined";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
