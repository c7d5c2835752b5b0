package com.emporium.inventory.reservation;

import com.emporium.inventory.InventoryProperties;
import com.emporium.inventory.catalog.Money;
import com.emporium.inventory.catalog.ProductId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds an order's stock all or nothing, and moves it on as the order goes: committed when confirmed, released when
 * cancelled, expired when its hold ends first. Each move locks the reservation's row, then its products' stock rows
 * in product id order, in one transaction.
 */
@Service
public class ReservationService {

    private final ReservationRepository reservations;
    private final StockLedger stock;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String currency;
    private final Duration hold;
    private final int expiryBatchSize;

    ReservationService(ReservationRepository reservations, StockLedger stock,
            PlatformTransactionManager transactionManager, Clock clock, InventoryProperties properties) {
        this.reservations = reservations;
        this.stock = stock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.currency = properties.currency();
        this.hold = properties.reservations().hold();
        this.expiryBatchSize = properties.reservations().expiryBatchSize();
    }

    /**
     * Reserves every line for the order, or nothing. Idempotent by order id: the same order again gets its
     * reservation back as it is now; with other lines, a {@link ReserveOutcome.Mismatch}.
     *
     * @param requested at most one line per product
     */
    public ReserveOutcome reserve(OrderId orderId, List<RequestedLine> requested) {
        return Objects.requireNonNull(transactions.execute(status -> {
            // PostgreSQL keeps microseconds: the answer must say what a later read will
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (!reservations.insertHeld(orderId, currency, now, now.plus(hold))) {
                Reservation existing = reservations.find(orderId).orElseThrow();
                return quantities(existing.lines()).equals(requestedQuantities(requested))
                        ? new ReserveOutcome.AlreadyReserved(existing) : new ReserveOutcome.Mismatch(existing);
            }
            ReserveOutcome outcome = reserveLines(orderId, requested, now);
            if (!(outcome instanceof ReserveOutcome.Created)) {
                status.setRollbackOnly();
            }
            return outcome;
        }));
    }

    private ReserveOutcome reserveLines(OrderId orderId, List<RequestedLine> requested, Instant now) {
        List<RequestedLine> ordered = requested.stream().sorted(Comparator.comparing(RequestedLine::productId))
                .toList();
        Map<ProductId, StockLedger.Row> rows = stock.lock(ordered.stream().map(RequestedLine::productId).toList());
        List<ProductId> unknown = ordered.stream().map(RequestedLine::productId).filter(id -> !rows.containsKey(id))
                .toList();
        if (!unknown.isEmpty()) {
            return new ReserveOutcome.UnknownProducts(unknown);
        }
        List<Shortage> shortages = new ArrayList<>();
        for (RequestedLine line : ordered) {
            int available = rows.get(line.productId()).stock().available();
            if (available < line.quantity()) {
                shortages.add(new Shortage(line.productId(), line.quantity(), Math.max(0, available)));
            }
        }
        if (!shortages.isEmpty()) {
            return new ReserveOutcome.InsufficientStock(shortages);
        }
        List<ReservationLine> lines = new ArrayList<>();
        Money total = Money.ZERO;
        for (RequestedLine line : ordered) {
            StockLedger.Row row = rows.get(line.productId());
            if (!stock.reserve(line.productId(), line.quantity())) {
                throw new IllegalStateException("stock of " + line.productId() + " changed under its lock");
            }
            lines.add(new ReservationLine(line.productId(), row.sku(), row.name(), line.quantity(), row.price()));
            total = total.plus(row.price().times(line.quantity()));
        }
        reservations.insertLines(orderId, lines);
        reservations.setTotal(orderId, total);
        return new ReserveOutcome.Created(
                new Reservation(orderId, ReservationStatus.HELD, now.plus(hold), lines, total, currency));
    }

    public Optional<Reservation> find(OrderId orderId) {
        return reservations.find(orderId);
    }

    /**
     * Releases the order's reservation if it is held (order-service gave up on the order); any other status is
     * left as it is. Empty when the order has no reservation.
     */
    @Transactional
    public Optional<Reservation> releaseIfHeld(OrderId orderId) {
        Optional<ReservationStatus> status = reservations.lockStatus(orderId);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        if (status.get() == ReservationStatus.HELD) {
            giveBack(List.of(orderId), ReservationStatus.RELEASED);
        }
        return reservations.find(orderId);
    }

    /** OrderConfirmed: the order's stock leaves the shelf, once. */
    @Transactional
    public CommitOutcome commit(OrderId orderId) {
        ReservationStatus status = reservations.lockStatus(orderId).orElseThrow(() -> new ReservationMissing(orderId));
        if (reservations.orderCancelled(orderId)) {
            return new CommitOutcome.OrderCancelled();
        }
        return switch (status) {
            case HELD -> {
                List<ReservationLine> lines = reservations.lines(orderId);
                stock.lock(productIds(lines));
                lines.forEach(line -> stock.ship(line.productId(), line.quantity()));
                reservations.setStatus(orderId, ReservationStatus.COMMITTED, clock.instant());
                yield new CommitOutcome.Committed();
            }
            case COMMITTED -> new CommitOutcome.AlreadyCommitted();
            case RELEASED, EXPIRED -> {
                retake(orderId, status);
                yield new CommitOutcome.Retaken(status);
            }
        };
    }

    /** A confirmed order whose hold lapsed takes its stock again, all of it or (throwing) none. */
    private void retake(OrderId orderId, ReservationStatus status) {
        List<ReservationLine> lines = reservations.lines(orderId);
        Map<ProductId, StockLedger.Row> rows = stock.lock(productIds(lines));
        List<Shortage> shortages = lines.stream()
                .filter(line -> available(rows, line.productId()) < line.quantity())
                .map(line -> new Shortage(line.productId(), line.quantity(), available(rows, line.productId())))
                .toList();
        if (!shortages.isEmpty()) {
            throw new StockGone(orderId, status, shortages);
        }
        lines.forEach(line -> {
            if (!stock.take(line.productId(), line.quantity())) {
                throw new IllegalStateException("stock of " + line.productId() + " changed under its lock");
            }
        });
        reservations.setStatus(orderId, ReservationStatus.COMMITTED, clock.instant());
    }

    /** OrderCancelled: whatever the order holds or took goes back, once. */
    @Transactional
    public ReleaseOutcome release(OrderId orderId) {
        Optional<ReservationStatus> status = reservations.lockStatus(orderId);
        if (status.isEmpty()) {
            return new ReleaseOutcome.NoReservation();
        }
        reservations.markOrderCancelled(orderId, clock.instant());
        return switch (status.get()) {
            case HELD -> {
                giveBack(List.of(orderId), ReservationStatus.RELEASED);
                yield new ReleaseOutcome.Released();
            }
            case COMMITTED -> {
                List<ReservationLine> lines = reservations.lines(orderId);
                stock.lock(productIds(lines));
                lines.forEach(line -> stock.restock(line.productId(), line.quantity()));
                reservations.setStatus(orderId, ReservationStatus.RELEASED, clock.instant());
                yield new ReleaseOutcome.Restocked();
            }
            case RELEASED, EXPIRED -> new ReleaseOutcome.AlreadyReleased(status.get());
        };
    }

    /**
     * Expires every held reservation whose hold has ended, a batch per transaction; instances running this at once
     * skip each other's batches. How many it expired.
     */
    public int expireDue() {
        return expireDue(count -> { });
    }

    /**
     * As {@link #expireDue()}, telling {@code committed} the size of each batch once its transaction has committed,
     * so that a later batch failing does not hide the ones already done.
     */
    public int expireDue(IntConsumer committed) {
        int expired = 0;
        while (true) {
            Integer batch = transactions.execute(status -> {
                List<OrderId> due = reservations.lockDue(clock.instant(), expiryBatchSize);
                if (!due.isEmpty()) {
                    giveBack(due, ReservationStatus.EXPIRED);
                }
                return due.size();
            });
            int count = batch == null ? 0 : batch;
            if (count > 0) {
                committed.accept(count);
            }
            expired += count;
            if (count < expiryBatchSize) {
                return expired;
            }
        }
    }

    /** Returns the held stock of these (locked, held) reservations and gives them their new status. */
    private void giveBack(List<OrderId> orders, ReservationStatus to) {
        Map<ProductId, Integer> quantities = new TreeMap<>();
        reservations.linesOf(orders).forEach(line -> quantities.merge(line.productId(), line.quantity(), Integer::sum));
        stock.lock(quantities.keySet());
        quantities.forEach(stock::unreserve);
        reservations.setStatus(orders, to, clock.instant());
    }

    private static int available(Map<ProductId, StockLedger.Row> rows, ProductId id) {
        StockLedger.Row row = rows.get(id);
        return row == null ? 0 : Math.max(0, row.stock().available());
    }

    private static List<ProductId> productIds(List<ReservationLine> lines) {
        return lines.stream().map(ReservationLine::productId).toList();
    }

    private static Map<ProductId, Integer> quantities(List<ReservationLine> lines) {
        return lines.stream().collect(Collectors.toMap(ReservationLine::productId, ReservationLine::quantity));
    }

    private static Map<ProductId, Integer> requestedQuantities(List<RequestedLine> lines) {
        return lines.stream().collect(Collectors.toMap(RequestedLine::productId, RequestedLine::quantity));
    }
}
