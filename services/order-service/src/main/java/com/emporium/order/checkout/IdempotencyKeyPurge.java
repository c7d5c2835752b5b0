package com.emporium.order.checkout;

import com.emporium.order.OrderServiceProperties;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Forgets {@code Idempotency-Key}s once they are older than their retention (at least 24 h). */
@Component
class IdempotencyKeyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyPurge.class);

    private final IdempotencyKeyRepository keys;
    private final Duration retention;
    private final Clock clock;

    IdempotencyKeyPurge(IdempotencyKeyRepository keys, OrderServiceProperties properties, Clock clock) {
        this.keys = keys;
        this.retention = properties.idempotency().retention();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${emporium.orders.idempotency.purge-interval}",
            fixedDelayString = "${emporium.orders.idempotency.purge-interval}")
    int purge() {
        int purged = keys.purgeOlderThan(clock.instant().minus(retention));
        if (purged > 0) {
            log.info("Forgot {} Idempotency-Key(s) older than {}", purged, retention);
        }
        return purged;
    }
}
