package com.emporium.order.orders;

import com.emporium.order.OrderServiceProperties;
import com.emporium.platform.events.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write to an order: placing it and each {@link Transition}. A transition locks the order's row
 * ({@code SELECT … FOR UPDATE}), checks the step against the status machine, and records its event in the outbox
 * in the same transaction, so the change and its event commit together and an order's events leave in order.
 */
@Service
public class OrderLifecycle {

    private final OrderRepository orders;
    private final Outbox outbox;
    private final Clock clock;
    private final Duration reservationMargin;
    private final OrderMetrics metrics;

    OrderLifecycle(OrderRepository orders, Outbox outbox, Clock clock, OrderServiceProperties properties,
            OrderMetrics metrics) {
        this.orders = orders;
        this.outbox = outbox;
        this.clock = clock;
        this.reservationMargin = properties.reservationMargin();
        this.metrics = metrics;
    }

    /** Serializes placing orders for this customer until the caller's transaction ends. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockCustomer(CustomerId customer) {
        orders.lockCustomer(customer);
    }

    /**
     * Stores a new pending order and its {@code OrderPlaced}, in the caller's transaction, unless the customer
     * already has {@code maxPending} pending orders (checked under the customer's lock).
     *
     * @throws TooManyPendingOrders when the customer is at the cap
     * @throws org.springframework.dao.DuplicateKeyException when an order with this id exists
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void place(Order order, int maxPending) {
        orders.lockCustomer(order.customerId());
        if (orders.countPending(order.customerId()) >= maxPending) {
            throw new TooManyPendingOrders(maxPending);
        }
        orders.insert(order);
        outbox.record(order.id().value(), OrderPlaced.of(order));
        metrics.placed();
    }

    /**
     * Paid: pending → confirmed, recording the payment that did it.
     *
     * @throws IllegalTransition when the order is not pending
     */
    @Transactional
    public Order confirm(OrderId id, UUID paymentId) {
        Order order = locked(id);
        orders.recordPayment(id, paymentId);
        return apply(order, Transition.CONFIRM, null);
    }

    /**
     * A payment of the order succeeded ({@code PaymentSucceeded}): a pending order is confirmed, unless its payment
     * window and the reservation margin after it have passed (the expiry job lagged): its stock may be gone, so it
     * is cancelled ({@code payment-expired}) and payment-service refunds the payment. Anything else is left as it
     * is and said in the outcome. Safe to call again with the same payment.
     *
     * @throws PaymentMismatch when the amount or currency paid is not the order's: nothing changes
     * @throws OrderNotFound when there is no such order
     */
    @Transactional
    public PaymentOutcome paid(OrderId id, UUID paymentId, long amount, String currency) {
        Order order = locked(id);
        if (order.totalAmount() != amount || !order.currency().equals(currency)) {
            throw new PaymentMismatch(id, paymentId, order.totalAmount(), order.currency(), amount, currency);
        }
        return switch (order.status()) {
            case PENDING -> {
                // the reservation holds at least until paymentDueBy + the margin; later, its stock may be sold
                if (now().isAfter(order.paymentDueBy().plus(reservationMargin))) {
                    yield new PaymentOutcome.PaidTooLate(apply(order, Transition.CANCEL,
                            CancellationReason.PAYMENT_EXPIRED));
                }
                orders.recordPayment(id, paymentId);
                yield new PaymentOutcome.Confirmed(apply(order, Transition.CONFIRM, null));
            }
            case CONFIRMED, SHIPPED, DELIVERED -> paymentId.equals(order.paymentId())
                    ? new PaymentOutcome.AlreadyConfirmed(order)
                    : new PaymentOutcome.PaidTwice(order);
            case CANCELLED -> new PaymentOutcome.PaidAfterCancellation(order);
        };
    }

    /**
     * Pending or confirmed → cancelled, by a customer (their own order only) or an admin.
     *
     * @throws OrderNotFound for an order the caller may not see
     */
    @Transactional
    public Order cancel(OrderId id, Caller caller) {
        Order order = locked(id);
        if (!caller.mayRead(order)) {
            throw new OrderNotFound(id);
        }
        CancellationReason reason = order.customerId().equals(caller.id()) ? CancellationReason.CUSTOMER
                : CancellationReason.ADMIN;
        return apply(order, Transition.CANCEL, reason);
    }

    /** Confirmed → shipped (admin). */
    @Transactional
    public Order ship(OrderId id) {
        return apply(locked(id), Transition.SHIP, null);
    }

    /** Shipped → delivered (admin). */
    @Transactional
    public Order deliver(OrderId id) {
        return apply(locked(id), Transition.DELIVER, null);
    }

    /**
     * Cancels up to {@code limit} pending orders whose payment window has passed (reason {@code payment-expired}),
     * skipping any another instance is working on.
     *
     * @return how many were cancelled
     */
    @Transactional
    public int expireOverdue(int limit) {
        List<OrderId> overdue = orders.lockOverdue(now(), limit);
        overdue.forEach(id -> apply(locked(id), Transition.CANCEL, CancellationReason.PAYMENT_EXPIRED));
        return overdue.size();
    }

    private Order locked(OrderId id) {
        return orders.lock(id).orElseThrow(() -> new OrderNotFound(id));
    }

    private Order apply(Order order, Transition transition, @Nullable CancellationReason reason) {
        OrderStatus next = transition.apply(order.status());
        Instant now = now();
        orders.updateStatus(order.id(), next, now, reason);
        outbox.record(order.id().value(), event(order, transition, reason, now));
        metrics.moved(transition, reason);
        return orders.find(order.id()).orElseThrow();
    }

    private static Object event(Order order, Transition transition, @Nullable CancellationReason reason,
            Instant now) {
        var orderId = order.id().value();
        var customerId = order.customerId().value();
        return switch (transition) {
            case CONFIRM -> new OrderConfirmed(orderId, customerId, Money.toDecimal(order.totalAmount()),
                    order.currency(), now);
            case CANCEL -> new OrderCancelled(orderId, customerId, requireReason(reason), order.status(), now);
            case SHIP -> new OrderShipped(orderId, customerId, now);
            case DELIVER -> new OrderDelivered(orderId, customerId, now);
        };
    }

    private static CancellationReason requireReason(@Nullable CancellationReason reason) {
        if (reason == null) {
            throw new IllegalArgumentException("a cancellation needs its reason");
        }
        return reason;
    }

    private Instant now() {
        // PostgreSQL keeps microseconds: an answer must show the instant that was stored
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
