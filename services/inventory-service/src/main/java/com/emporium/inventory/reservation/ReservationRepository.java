package com.emporium.inventory.reservation;

import com.emporium.inventory.catalog.Money;
import com.emporium.inventory.catalog.ProductId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reservations and their lines in PostgreSQL, through plain SQL. */
@Repository
class ReservationRepository {

    private final JdbcClient jdbc;

    ReservationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts a held reservation with no lines yet, unless the order has one. A concurrent insert of the same
     * order makes this wait until that transaction ends: false once it committed, so each order is reserved once.
     */
    boolean insertHeld(OrderId orderId, String currency, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                INSERT INTO reservations (order_id, status, currency, total_minor, created_at, expires_at, updated_at)
                VALUES (:orderId, 'held', :currency, 0, :now, :expiresAt, :now)
                ON CONFLICT (order_id) DO NOTHING
                """)
                .param("orderId", orderId.value())
                .param("currency", currency)
                .param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update() == 1;
    }

    void insertLines(OrderId orderId, List<ReservationLine> lines) {
        for (ReservationLine line : lines) {
            jdbc.sql("""
                    INSERT INTO reservation_lines (order_id, product_id, sku, name, quantity, unit_price_minor)
                    VALUES (:orderId, :productId, :sku, :name, :quantity, :unitPrice)
                    """)
                    .param("orderId", orderId.value())
                    .param("productId", line.productId().value())
                    .param("sku", line.sku())
                    .param("name", line.name())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice().minorUnits())
                    .update();
        }
    }

    void setTotal(OrderId orderId, Money total) {
        jdbc.sql("UPDATE reservations SET total_minor = :total WHERE order_id = :orderId")
                .param("total", total.minorUnits()).param("orderId", orderId.value()).update();
    }

    Optional<Reservation> find(OrderId orderId) {
        return jdbc.sql("SELECT order_id, status, expires_at, total_minor, currency FROM reservations "
                        + "WHERE order_id = :orderId")
                .param("orderId", orderId.value())
                .query((rs, row) -> new Reservation(orderId, ReservationStatus.fromWire(rs.getString("status")),
                        rs.getTimestamp("expires_at").toInstant(), List.of(), new Money(rs.getLong("total_minor")),
                        rs.getString("currency")))
                .optional()
                .map(header -> new Reservation(header.orderId(), header.status(), header.expiresAt(), lines(orderId),
                        header.total(), header.currency()));
    }

    /** The reservation's status, its row locked until the transaction ends; empty when the order has none. */
    Optional<ReservationStatus> lockStatus(OrderId orderId) {
        return jdbc.sql("SELECT status FROM reservations WHERE order_id = :orderId FOR UPDATE")
                .param("orderId", orderId.value())
                .query((rs, row) -> ReservationStatus.fromWire(rs.getString("status")))
                .optional();
    }

    /** The lines in product order: the order their stock rows are locked in. */
    List<ReservationLine> lines(OrderId orderId) {
        return jdbc.sql("""
                SELECT product_id, sku, name, quantity, unit_price_minor FROM reservation_lines
                 WHERE order_id = :orderId ORDER BY product_id
                """)
                .param("orderId", orderId.value())
                .query(ReservationRepository::line)
                .list();
    }

    /** Whether the order's cancellation was handled here (call with the reservation's row locked). */
    boolean orderCancelled(OrderId orderId) {
        return jdbc.sql("SELECT order_cancelled_at IS NOT NULL FROM reservations WHERE order_id = :orderId")
                .param("orderId", orderId.value())
                .query(Boolean.class).single();
    }

    /** Records that the order was cancelled; the first time counts. */
    void markOrderCancelled(OrderId orderId, Instant now) {
        jdbc.sql("UPDATE reservations SET order_cancelled_at = coalesce(order_cancelled_at, :now) "
                        + "WHERE order_id = :orderId")
                .param("orderId", orderId.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    void setStatus(OrderId orderId, ReservationStatus status, Instant now) {
        jdbc.sql("UPDATE reservations SET status = :status, updated_at = :now WHERE order_id = :orderId")
                .param("status", status.wireName())
                .param("now", Timestamp.from(now))
                .param("orderId", orderId.value())
                .update();
    }

    /**
     * Up to {@code limit} held reservations whose hold ended by {@code now}, locked until the transaction ends;
     * those another instance is working on are skipped, so instances share the work without waiting.
     */
    List<OrderId> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT order_id FROM reservations WHERE status = 'held' AND expires_at <= :now
                 ORDER BY expires_at LIMIT :limit FOR UPDATE SKIP LOCKED
                """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new OrderId(rs.getObject("order_id", UUID.class)))
                .list();
    }

    /** The lines of all these reservations, in product order. */
    List<ReservationLine> linesOf(Collection<OrderId> orders) {
        UUID[] ids = orders.stream().map(OrderId::value).toArray(UUID[]::new);
        return jdbc.sql("""
                SELECT product_id, sku, name, quantity, unit_price_minor FROM reservation_lines
                 WHERE order_id = ANY (:orderIds) ORDER BY product_id
                """)
                .param("orderIds", ids)
                .query(ReservationRepository::line)
                .list();
    }

    void setStatus(Collection<OrderId> orders, ReservationStatus status, Instant now) {
        UUID[] ids = orders.stream().map(OrderId::value).toArray(UUID[]::new);
        jdbc.sql("UPDATE reservations SET status = :status, updated_at = :now WHERE order_id = ANY (:orderIds)")
                .param("status", status.wireName())
                .param("now", Timestamp.from(now))
                .param("orderIds", ids)
                .update();
    }

    private static ReservationLine line(ResultSet rs, int row) throws SQLException {
        return new ReservationLine(new ProductId(rs.getObject("product_id", UUID.class)), rs.getString("sku"),
                rs.getString("name"), rs.getInt("quantity"), new Money(rs.getLong("unit_price_minor")));
    }
}
