package com.emporium.payment.payments;

import com.emporium.payment.PaymentServiceProperties;
import com.emporium.payment.orders.OrderFacts;
import com.emporium.payment.orders.OrderFactsRepository;
import com.emporium.payment.orders.OrderServiceClient;
import com.emporium.payment.sandbox.ChargeOutcome;
import com.emporium.payment.sandbox.ProviderUnavailable;
import com.emporium.payment.sandbox.SandboxClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Pays an order: the amount and the owner come from the order's facts (its events, or order-service), never from the
 * caller; the payment is stored {@code processing} before the provider is asked, with the payment's id as the
 * charge's idempotency key, and the outcome is stored after. A charge that surely never happened is forgotten (the
 * same key may be sent again); one whose answer was lost stays processing for {@link PaymentResolver}.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentLedger ledger;
    private final PaymentRepository payments;
    private final OrderFactsRepository facts;
    private final OrderServiceClient orders;
    private final SandboxClient provider;

    private final Duration chargeBudget;
    private final Clock clock;

    PaymentService(PaymentLedger ledger, PaymentRepository payments, OrderFactsRepository facts,
            OrderServiceClient orders, SandboxClient provider, PaymentServiceProperties properties, Clock clock) {
        this.ledger = ledger;
        this.payments = payments;
        this.facts = facts;
        this.orders = orders;
        this.provider = provider;
        this.chargeBudget = properties.sandbox().chargeBudget();
        this.clock = clock;
    }

    /** A payment as the request left it, and whether it is the one stored earlier under the same key. */
    public record Attempt(Payment payment, boolean replayed) {
    }

    /**
     * @throws com.emporium.platform.web.ProblemException 404 order-not-found, 409 (paid, cancelled, window closed,
     *     in progress, or the same key's first request still charging), 422 idempotency-key-reused or
     *     amount-not-payable, 400 for a token the provider does not know, 503 when order-service or the provider
     *     cannot be asked
     */
    public Attempt pay(UUID customerId, UUID orderId, String paymentToken, String key) {
        byte[] hash = hash(orderId, paymentToken);
        Optional<PaymentRepository.Keyed> earlier = payments.findByKey(customerId, key);
        if (earlier.isPresent()) {
            return settled(replay(earlier.get(), hash));
        }
        OrderFacts order = knownOrder(orderId);
        ledger.refuseUnpayable(order, customerId);
        Attempt opened;
        try {
            opened = ledger.open(orderId, customerId, key, hash);
        } catch (DuplicateKeyException race) {
            // the same key, or another live payment of the order, committed since the checks
            Optional<PaymentRepository.Keyed> stored = payments.findByKey(customerId, key);
            if (stored.isPresent()) {
                return settled(replay(stored.get(), hash));
            }
            ledger.refuseUnpayable(facts.find(orderId).orElseThrow(), customerId);
            throw Problems.inProgress();
        }
        if (opened.replayed()) {
            return settled(opened);
        }
        Payment payment = opened.payment();
        ChargeOutcome outcome;
        try {
            outcome = provider.charge(payment.id(), paymentToken, payment.amountMinor(), payment.currency(),
                    "order " + orderId);
        } catch (ProviderUnavailable unavailable) {
            ledger.discard(payment.id());
            throw Problems.providerUnavailable(unavailable.retryAfter());
        }
        if (outcome instanceof ChargeOutcome.Rejected rejected) {
            ledger.discard(payment.id());
            throw refused(payment, rejected);
        }
        return new Attempt(ledger.record(payment.id(), outcome), false);
    }

    /**
     * What a charge the provider refused (400, nothing charged, the payment forgotten) means to the caller: its token
     * is unknown there (400 naming {@code paymentToken}), the order's amount is more than it takes (422
     * {@code amount-not-payable}), or payment-service sent something it should not have (a defect: 500).
     */
    private static RuntimeException refused(Payment payment, ChargeOutcome.Rejected rejected) {
        if (rejected.fields().contains("token")) {
            return Problems.invalid("paymentToken", "is not a token the payment provider knows");
        }
        if (rejected.fields().contains("amount")) {
            log.warn("The payment provider does not take the amount of payment {} ({} minor units of {})",
                    payment.id(), payment.amountMinor(), payment.currency());
            return Problems.amountNotPayable();
        }
        log.error("The payment provider refused the charge of payment {} naming {}: payment-service's request is "
                + "wrong", payment.id(), rejected.fields().isEmpty() ? "no field" : rejected.fields());
        return new IllegalStateException("the payment provider refused a charge request (fields " + rejected.fields()
                + ")");
    }

    /** The order's facts: the local row once OrderPlaced has told the amount, else order-service's answer. */
    private OrderFacts knownOrder(UUID orderId) {
        Optional<OrderFacts> local = facts.find(orderId);
        if (local.isPresent() && local.get().isPriced()) {
            return local.get();
        }
        OrderFacts fetched = orders.fetch(orderId).orElseThrow(() -> Problems.orderNotFound(orderId));
        facts.merge(fetched);
        return facts.find(orderId).orElseThrow();
    }

    /** The payment stored under a key, as it is now, when the request is the same one. */
    static Attempt replay(PaymentRepository.Keyed earlier, byte[] hash) {
        if (!MessageDigest.isEqual(earlier.requestHash(), hash)) {
            throw Problems.keyReused();
        }
        return new Attempt(earlier.payment(), true);
    }

    /**
     * A replayed payment, unless its first request may still be charging it (processing, and younger than the charge
     * budget): that request may yet find the provider unreachable and forget the payment, so its id is not handed out
     * (409 {@code payment-in-progress}; the same request again in a moment gets the outcome). A payment processing for
     * longer lost its answer and is the resolver's: 202.
     */
    private Attempt settled(Attempt replayed) {
        Payment payment = replayed.payment();
        if (payment.status() == PaymentStatus.PROCESSING
                && payment.createdAt().plus(chargeBudget).isAfter(clock.instant())) {
            throw Problems.stillCharging();
        }
        return replayed;
    }

    /** SHA-256 of the request as read; the token itself is never stored. */
    private static byte[] hash(UUID orderId, String paymentToken) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest((orderId + "\n" + paymentToken).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
