package com.emporium.sandbox.charge;

import com.emporium.sandbox.RandomIds;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Refunds charges, once per {@code Idempotency-Key}. The charge row is locked while a refund is decided, so refunds
 * of one charge are weighed one at a time; the database refuses any that would take them past the charge anyway.
 */
@Service
public class RefundService {

    private static final Logger log = LoggerFactory.getLogger(RefundService.class);

    private final RefundRepository refunds;
    private final ChargeRepository charges;
    private final Clock clock;

    RefundService(RefundRepository refunds, ChargeRepository charges, Clock clock) {
        this.refunds = refunds;
        this.charges = charges;
        this.clock = clock;
    }

    @Transactional
    public RefundOutcome refund(NewRefund request) {
        Optional<Refund> earlier = refunds.findByKey(request.idempotencyKey());
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        Charge charge = charges.lock(request.chargeId()).orElseThrow(ChargeProblems::chargeNotFound);
        // a request with the same key may have held the lock first: it has committed by now
        earlier = refunds.findByKey(request.idempotencyKey());
        if (earlier.isPresent()) {
            return replay(earlier.get(), request);
        }
        if (charge.status() != ChargeStatus.SUCCEEDED) {
            throw ChargeProblems.chargeNotRefundable();
        }
        long amount = request.amount() == null ? charge.refundable() : request.amount();
        if (amount <= 0 || amount > charge.refundable()) {
            throw ChargeProblems.refundExceedsCharge(charge.currency(), charge.refundable());
        }
        Refund refund = new Refund(RandomIds.next("re"), request.idempotencyKey(), request.requestHash(),
                charge.id(), amount, charge.currency(), request.reason(),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        if (!refunds.insertIfAbsent(refund)) {
            // the same key, sent at once for another charge, won the insert
            return replay(refunds.findByKey(request.idempotencyKey()).orElseThrow(), request);
        }
        log.info("refund {} of charge {} ({} {} minor units)", refund.id(), charge.id(), refund.currency(), amount);
        return new RefundOutcome.Created(refund);
    }

    @Transactional(readOnly = true)
    public Refund find(String id) {
        return refunds.find(id).orElseThrow(ChargeProblems::refundNotFound);
    }

    @Transactional(readOnly = true)
    public Listing<Refund> list(@Nullable String chargeId, long offset, int limit) {
        return new Listing<>(refunds.list(chargeId, offset, limit), refunds.count(chargeId));
    }

    private static RefundOutcome replay(Refund earlier, NewRefund request) {
        if (!earlier.requestHash().equals(request.requestHash())) {
            throw ChargeProblems.idempotencyKeyReused();
        }
        return new RefundOutcome.Replayed(earlier);
    }
}
