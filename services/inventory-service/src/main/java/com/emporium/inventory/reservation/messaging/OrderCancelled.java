package com.emporium.inventory.reservation.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * order-service's OrderCancelled (v1), read for what inventory needs: the reservation's own status says what to
 * give back, so {@code previousStatus} and {@code reason} are only logged. Other fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record OrderCancelled(@Nullable UUID orderId, @Nullable String reason, @Nullable String previousStatus) {
}
