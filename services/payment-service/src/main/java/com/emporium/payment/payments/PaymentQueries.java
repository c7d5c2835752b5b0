package com.emporium.payment.payments;

import com.emporium.platform.web.PageQuery;
import com.emporium.platform.web.PageResponse;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** Reading payments: a customer's own, or every one for an admin. */
@Service
public class PaymentQueries {

    private static final Set<String> STATUSES = Set.of("processing", "succeeded", "failed", "refunded");
    private static final Set<String> REFUND_STATUSES = Set.of("pending", "succeeded", "failed");

    private final PaymentRepository payments;
    private final PaymentLedger ledger;

    PaymentQueries(PaymentRepository payments, PaymentLedger ledger) {
        this.payments = payments;
        this.ledger = ledger;
    }

    /** The payment, when it is the caller's; 404 otherwise, as for one that does not exist. */
    public Payment own(UUID id, UUID customerId) {
        return payments.find(id).filter(payment -> payment.customerId().equals(customerId))
                .orElseThrow(() -> Problems.paymentNotFound(id));
    }

    public PageResponse<Payment> own(UUID customerId, @Nullable UUID orderId, PageQuery page) {
        PaymentRepository.Filter filter = new PaymentRepository.Filter(null, orderId, customerId);
        return PageResponse.of(payments.page(filter, page), page, payments.count(filter));
    }

    /** Every payment; {@code refundStatus} picks those whose refund is pending, succeeded or failed (parked). */
    public PageResponse<Payment> all(@Nullable String status, @Nullable UUID orderId, @Nullable UUID customerId,
            @Nullable String refundStatus, PageQuery page) {
        if (status != null && !STATUSES.contains(status)) {
            throw Problems.invalid("status", "must be one of processing, succeeded, failed, refunded");
        }
        if (refundStatus != null && !REFUND_STATUSES.contains(refundStatus)) {
            throw Problems.invalid("refundStatus", "must be one of pending, succeeded, failed");
        }
        PaymentRepository.Filter filter = new PaymentRepository.Filter(status, orderId, customerId, refundStatus);
        return PageResponse.of(payments.page(filter, page), page, payments.count(filter));
    }

    /** An admin's refund of a charged payment: pending until the provider confirms it. */
    public Payment refund(UUID id) {
        return ledger.refundByAdmin(id);
    }
}
