package com.emporium.payment.payments;

import com.emporium.payment.PaymentServiceProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases the {@code Idempotency-Key}s of payments older than their retention (at least 24 h). */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final PaymentRepository payments;
    private final Duration retention;
    private final Clock clock;

    IdempotencyKeyPurge(PaymentRepository payments, PaymentServiceProperties properties, Clock clock) {
        this.payments = payments;
        this.retention = properties.idempotency().retention();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${emporium.payments.idempotency.purge-interval}",
            fixedDelayString = "${emporium.payments.idempotency.purge-interval}")
    int purge() {
        int released = payments.releaseKeysOlderThan(clock.instant().minus(retention));
        if (released > 0) {
            log.info("Released {} Idempotency-Key(s) older than {}", released, retention);
        }
        return released;
    }
}
