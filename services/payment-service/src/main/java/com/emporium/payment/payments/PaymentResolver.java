package com.emporium.payment.payments;

import com.emporium.payment.PaymentServiceProperties;
import com.emporium.payment.sandbox.LookupOutcome;
import com.emporium.payment.sandbox.SandboxClient;
import com.emporium.payment.sandbox.SandboxFailure;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds out what became of charges whose answer was lost: a payment still {@code processing} after
 * {@code resolver.after} is looked up at the provider by its idempotency key (never charged again). Charged or
 * declined there → recorded as step 6 of a payment; unknown there past {@code resolver.abandon-after} → failed
 * ({@code charge-not-received}); unknown before that, or the provider unreachable → asked again next round. Runs in
 * every instance: the claim skips rows another holds and takes those looked at least recently first, the call is
 * made outside any lock, and the write re-locks and re-checks. A payment that fails in any way is logged and left
 * for the next round; the others of the round go on.
 */
@Component
class PaymentResolver {

    private static final Logger log = LoggerFactory.getLogger(PaymentResolver.class);

    private final PaymentRepository payments;
    private final PaymentLedger ledger;
    private final SandboxClient provider;
    private final PaymentServiceProperties.Resolver settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    PaymentResolver(PaymentRepository payments, PaymentLedger ledger, SandboxClient provider,
            PaymentServiceProperties properties, TransactionTemplate transactions, Clock clock) {
        this.payments = payments;
        this.ledger = ledger;
        this.provider = provider;
        this.settings = properties.resolver();
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${emporium.payments.resolver.check}",
            fixedDelayString = "${emporium.payments.resolver.check}")
    void resolve() {
        Instant now = clock.instant();
        List<UUID> claimed;
        try {
            claimed = transactions.execute(status ->
                    payments.claimUnresolved(now.minus(settings.after()), settings.batch(), now));
        } catch (RuntimeException ex) {
            log.warn("Could not claim the unresolved payments: {}", ex.toString());
            return;
        }
        for (UUID id : claimed == null ? List.<UUID>of() : claimed) {
            // one payment that cannot be resolved must not hold up the others
            try {
                resolve(id);
            } catch (SandboxFailure ex) {
                log.warn("Could not look up the charge of payment {} ({}); trying again next round", id,
                        ex.getMessage());
            } catch (RuntimeException ex) {
                log.error("Could not resolve payment {}; trying again next round", id, ex);
            }
        }
    }

    private void resolve(UUID id) {
        switch (provider.findCharge(id)) {
            case LookupOutcome.Found found -> {
                Payment payment = ledger.record(id, found.outcome());
                log.info("Resolved payment {}: the provider has it {}", id, payment.status().wireName());
            }
            case LookupOutcome.NotFound notFound -> {
                Optional<Payment> found = payments.find(id);
                if (found.isEmpty()) {
                    // its request found that the provider surely never charged, and forgot it
                    return;
                }
                Payment payment = found.get();
                if (payment.createdAt().isBefore(clock.instant().minus(settings.abandonAfter()))) {
                    ledger.abandon(id);
                    log.warn("Gave up payment {}: the provider never received its charge", id);
                }
            }
        }
    }
}
