package com.emporium.order.checkout;

import com.emporium.order.OrderServiceProperties;
import com.emporium.order.inventory.InventoryClient;
import com.emporium.order.inventory.RequestedLine;
import com.emporium.order.inventory.Reservation;
import com.emporium.order.inventory.ReservationOutcome;
import com.emporium.order.orders.Money;
import com.emporium.order.orders.Order;
import com.emporium.order.orders.OrderId;
import com.emporium.order.orders.OrderLine;
import com.emporium.order.orders.OrderQueries;
import com.emporium.order.orders.TooManyPendingOrders;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places orders. The order's id is chosen first (derived from the {@code Idempotency-Key} when there is one), stock
 * is reserved under it at inventory-service, and only then is anything stored, in one transaction
 * ({@link OrderRecorder}). So when inventory gives no answer nothing is stored; when the store fails after a
 * reservation, the reservation is released at once (without a key) or left for the key's retry to reuse (it
 * expires on its own otherwise).
 */
@Service
public class CheckoutService {

    private final InventoryClient inventory;
    private final OrderRecorder recorder;
    private final IdempotencyKeyRepository keys;
    private final OrderQueries queries;
    private final OrderServiceProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    CheckoutService(InventoryClient inventory, OrderRecorder recorder, IdempotencyKeyRepository keys,
            OrderQueries queries, OrderServiceProperties properties, JsonMapper json, Clock clock) {
        this.inventory = inventory;
        this.recorder = recorder;
        this.keys = keys;
        this.queries = queries;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * @throws UnknownProducts, InsufficientStock as inventory-service answered (422)
     * @throws IdempotencyKeyReused when the key stands for another request (422)
     * @throws TooManyPendingOrders when the customer is at the cap (409)
     * @throws com.emporium.order.inventory.InventoryUnavailable when inventory-service gave no answer (503)
     */
    public Placement place(PlaceOrder command) {
        String key = command.idempotencyKey();
        byte[] fingerprint = key == null ? null : fingerprint(command);
        if (key != null) {
            Optional<IdempotencyKeyRepository.StoredAnswer> earlier = keys.find(command.customer(), key);
            if (earlier.isPresent()) {
                return OrderRecorder.replay(earlier.get(), fingerprint);
            }
        }
        int maxPending = properties.maxPendingPerCustomer();
        if (queries.countPending(command.customer()) >= maxPending) {
            // the same key may have been stored by a concurrent request since the look-up: its answer comes first
            if (key != null) {
                Optional<IdempotencyKeyRepository.StoredAnswer> stored = keys.find(command.customer(), key);
                if (stored.isPresent()) {
                    return OrderRecorder.replay(stored.get(), fingerprint);
                }
            }
            throw new TooManyPendingOrders(maxPending);
        }
        OrderId id = key == null ? OrderId.random() : OrderIds.derive(command.customer(), key);
        Reservation reservation = reserve(id, command);
        try {
            return recorder.record(order(id, command, reservation), key, fingerprint, maxPending);
        } catch (DuplicateKeyException ex) {
            // the derived id is taken, but the key is not stored: it was used so long ago that it was forgotten
            throw IdempotencyKeyReused.cannotComplete();
        } catch (TooManyPendingOrders ex) {
            // refused for good, key or not: the stock must not stay held by a request that lost the race for the cap
            inventory.release(id.value());
            throw ex;
        } catch (RuntimeException ex) {
            if (key == null) {
                // nobody can come back for a random order id: give the stock back now rather than at expiry
                inventory.release(id.value());
            }
            throw ex;
        }
    }

    private Reservation reserve(OrderId id, PlaceOrder command) {
        List<RequestedLine> lines = command.items().stream()
                .map(item -> new RequestedLine(item.productId(), item.quantity())).toList();
        Reservation reservation = switch (inventory.reserve(id.value(), lines)) {
            case ReservationOutcome.Reserved reserved -> reserved.reservation();
            case ReservationOutcome.UnknownProducts unknown -> throw new UnknownProducts(unknown.productIds());
            case ReservationOutcome.InsufficientStock insufficient -> throw new InsufficientStock(insufficient.lines());
            case ReservationOutcome.Mismatch other -> throw mismatch(command.idempotencyKey(), id);
        };
        if (!reservation.isHeld()) {
            // an earlier attempt with this key reserved, and its hold has since expired or been released
            throw mismatch(command.idempotencyKey(), id);
        }
        return reservation;
    }

    private static RuntimeException mismatch(@Nullable String key, OrderId id) {
        if (key == null) {
            return new IllegalStateException("inventory-service holds another reservation for the new order " + id);
        }
        return IdempotencyKeyReused.cannotComplete();
    }

    /** The order the reservation makes: the customer's items in their order, at inventory's prices and total. */
    private Order order(OrderId id, PlaceOrder command, Reservation reservation) {
        Map<UUID, Reservation.Line> reserved = reservation.lines().stream()
                .collect(Collectors.toMap(Reservation.Line::productId, Function.identity(), (a, b) -> a));
        if (reserved.size() != command.items().size() || !reservation.orderId().equals(id.value())) {
            throw new IllegalStateException("inventory-service reserved other lines than order " + id + " asked for");
        }
        List<OrderLine> lines = command.items().stream().map(item -> {
            Reservation.Line line = reserved.get(item.productId());
            if (line == null || line.quantity() != item.quantity()) {
                throw new IllegalStateException("inventory-service reserved other lines than order " + id
                        + " asked for");
            }
            return new OrderLine(line.productId(), line.sku(), line.name(), line.quantity(),
                    Money.toMinorUnits(line.unitPrice()));
        }).toList();
        Instant placedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant dueBy = placedAt.plus(properties.paymentWindow());
        // A reservation reused by a retry with the same key has less of its hold left than a new one: the order
        // must expire unpaid before its stock does, or a late payment would confirm an order without stock.
        Instant holdEnds = reservation.expiresAt().minus(properties.reservationMargin());
        if (holdEnds.isBefore(dueBy)) {
            dueBy = holdEnds;
        }
        if (!dueBy.isAfter(placedAt)) {
            throw mismatch(command.idempotencyKey(), id);
        }
        return Order.placed(id, command.customer(), lines, Money.toMinorUnits(reservation.totalAmount()),
                reservation.currency(), command.shippingAddress(), placedAt, dueBy);
    }

    /** SHA-256 of the request as read (items and address), so a changed body under the same key is recognised. */
    private byte[] fingerprint(PlaceOrder command) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(command.content()));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
