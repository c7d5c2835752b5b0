package com.emporium.order.checkout;

import com.emporium.order.orders.Order;
import com.emporium.order.orders.OrderLifecycle;
import com.emporium.order.orders.OrderView;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one transaction of checkout: under the customer's lock, answer an {@code Idempotency-Key} seen before with
 * its stored answer; otherwise store the order, its {@code OrderPlaced} and the key with the answer, together.
 */
@Component
class OrderRecorder {

    private static final int CREATED = 201;

    private final OrderLifecycle lifecycle;
    private final IdempotencyKeyRepository keys;
    private final JsonMapper json;
    private final Clock clock;

    OrderRecorder(OrderLifecycle lifecycle, IdempotencyKeyRepository keys, JsonMapper json, Clock clock) {
        this.lifecycle = lifecycle;
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @param key the request's {@code Idempotency-Key}, or null
     * @param fingerprint the request's fingerprint, when it has a key
     */
    @Transactional
    Placement record(Order order, @Nullable String key, byte @Nullable [] fingerprint, int maxPending) {
        lifecycle.lockCustomer(order.customerId());
        if (key != null && fingerprint != null) {
            // a request with the same key that got here first has committed by now: the lock waited for it
            Optional<IdempotencyKeyRepository.StoredAnswer> earlier = keys.find(order.customerId(), key);
            if (earlier.isPresent()) {
                return replay(earlier.get(), fingerprint);
            }
        }
        lifecycle.place(order, maxPending);
        String body = json.writeValueAsString(OrderView.of(order));
        if (key != null && fingerprint != null) {
            keys.insert(order.customerId(), key, fingerprint, order.id(), CREATED, body,
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
        }
        return new Placement(order.id(), body, false);
    }

    /** The stored answer to a key's first request, when this request is the same one. */
    static Placement replay(IdempotencyKeyRepository.StoredAnswer earlier, byte[] fingerprint) {
        if (!MessageDigest.isEqual(earlier.requestHash(), fingerprint)) {
            throw IdempotencyKeyReused.differentBody();
        }
        return new Placement(earlier.orderId(), earlier.body(), true);
    }
}
