package com.emporium.inventory.reservation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives back the stock of reservations held past their hold: an order that was never confirmed nor cancelled (its
 * service failed after reserving, or never heard back) must not keep stock from other shoppers for good.
 * {@code emporium_inventory_reservations_expired_total} counts each batch once it has committed, even when a later
 * batch of the same round fails, from 0 at start.
 */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

    private final ReservationService reservations;
    private final Counter expiredCount;

    ReservationExpiry(ReservationService reservations, MeterRegistry registry) {
        this.reservations = reservations;
        this.expiredCount = Counter.builder("emporium.inventory.reservations.expired")
                .description("Reservations whose hold ended before their order was confirmed or cancelled")
                .register(registry);
    }

    @Scheduled(initialDelayString = "${emporium.inventory.reservations.expiry-check}",
            fixedDelayString = "${emporium.inventory.reservations.expiry-check}")
    void expireDue() {
        try {
            int expired = reservations.expireDue(expiredCount::increment);
            if (expired > 0) {
                log.info("Expired {} reservation(s) held past their hold; their stock is available again", expired);
            }
        } catch (RuntimeException ex) {
            // the database may be briefly out of reach: the next round tries again
            log.warn("Could not expire reservations this round: {}", ex.toString());
        }
    }
}
