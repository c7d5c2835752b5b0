package com.emporium.order.orders;

import com.emporium.platform.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders and their lines in PostgreSQL, through plain SQL. */
@Repository
class OrderRepository {

    /** API sort field → column; the only values that ever reach ORDER BY. */
    static final Map<String, String> SORTABLE = Map.of("placedAt", "placed_at", "totalAmount", "total_amount");

    private final JdbcClient jdbc;

    OrderRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a new order; an id that exists raises {@link org.springframework.dao.DuplicateKeyException}. */
    void insert(Order order) {
        ShippingAddress to = order.shippingAddress();
        jdbc.sql("""
                INSERT INTO orders (id, customer_id, status, total_amount, currency, ship_name, ship_line1, ship_line2,
                    ship_city, ship_postal_code, ship_region, ship_country, payment_due_by, placed_at, updated_at)
                VALUES (:id, :customerId, :status, :totalAmount, :currency, :name, :line1, :line2, :city, :postalCode,
                    :region, :country, :paymentDueBy, :placedAt, :updatedAt)""")
                .param("id", order.id().value())
                .param("customerId", order.customerId().value())
                .param("status", order.status().wireName())
                .param("totalAmount", order.totalAmount())
                .param("currency", order.currency())
                .param("name", to.name())
                .param("line1", to.line1())
                .param("line2", to.line2())
                .param("city", to.city())
                .param("postalCode", to.postalCode())
                .param("region", to.region())
                .param("country", to.country())
                .param("paymentDueBy", Timestamp.from(order.paymentDueBy()))
                .param("placedAt", Timestamp.from(order.placedAt()))
                .param("updatedAt", Timestamp.from(order.updatedAt()))
                .update();
        int lineNo = 0;
        for (OrderLine line : order.lines()) {
            jdbc.sql("""
                    INSERT INTO order_lines (order_id, line_no, product_id, sku, name, quantity, unit_price)
                    VALUES (:orderId, :lineNo, :productId, :sku, :name, :quantity, :unitPrice)""")
                    .param("orderId", order.id().value())
                    .param("lineNo", ++lineNo)
                    .param("productId", line.productId())
                    .param("sku", line.sku())
                    .param("name", line.name())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPrice())
                    .update();
        }
    }

    Optional<Order> find(OrderId id) {
        return withLines(jdbc.sql("SELECT * FROM orders WHERE id = :id").param("id", id.value())
                .query(OrderRepository::mapHead).list()).stream().findFirst();
    }

    /** The order, its row locked until the transaction ends: every status change goes through here. */
    Optional<Order> lock(OrderId id) {
        return withLines(jdbc.sql("SELECT * FROM orders WHERE id = :id FOR UPDATE").param("id", id.value())
                .query(OrderRepository::mapHead).list()).stream().findFirst();
    }

    void updateStatus(OrderId id, OrderStatus status, Instant now, @Nullable CancellationReason reason) {
        String column = switch (status) {
            case CONFIRMED -> "confirmed_at";
            case SHIPPED -> "shipped_at";
            case DELIVERED -> "delivered_at";
            case CANCELLED -> "cancelled_at";
            case PENDING -> throw new IllegalArgumentException("no order goes back to pending");
        };
        int updated = jdbc.sql("UPDATE orders SET status = :status, updated_at = :now, " + column + " = :now, "
                        + "cancellation_reason = :reason WHERE id = :id")
                .param("status", status.wireName())
                .param("now", Timestamp.from(now))
                .param("reason", reason == null ? null : reason.wireName())
                .param("id", id.value())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("order " + id + " vanished while locked");
        }
    }

    /** Records the payment that confirmed the order, in the transaction of the step to confirmed. */
    void recordPayment(OrderId id, UUID paymentId) {
        jdbc.sql("UPDATE orders SET payment_id = :payment WHERE id = :id")
                .param("payment", paymentId).param("id", id.value()).update();
    }

    long countPending(CustomerId customer) {
        return jdbc.sql("SELECT count(*) FROM orders WHERE customer_id = :customer AND status = 'pending'")
                .param("customer", customer.value()).query(Long.class).single();
    }

    /** Serializes placing orders for one customer until the transaction ends (the pending cap is checked under it). */
    void lockCustomer(CustomerId customer) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('order-service.customer.' || :customer, 0))")
                .param("customer", customer.value().toString()).query((rs, row) -> 1).single();
    }

    /** Pending orders whose payment window has passed, oldest first, locked; rows another job holds are skipped. */
    List<OrderId> lockOverdue(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM orders WHERE status = 'pending' AND payment_due_by <= :now
                ORDER BY payment_due_by LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, row) -> new OrderId(rs.getObject("id", UUID.class))).list();
    }

    List<Order> page(OrderFilter filter, PageQuery query) {
        Where where = Where.of(filter);
        String column = SORTABLE.get(query.sortField());
        String direction = query.ascending() ? "ASC" : "DESC";
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT * FROM orders" + where.sql() + " ORDER BY " + column
                + " " + direction + ", id " + direction + " LIMIT :limit OFFSET :offset");
        where.params().forEach(statement::param);
        return withLines(statement.param("limit", query.size()).param("offset", query.offset())
                .query(OrderRepository::mapHead).list());
    }

    long count(OrderFilter filter) {
        Where where = Where.of(filter);
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT count(*) FROM orders" + where.sql());
        where.params().forEach(statement::param);
        return statement.query(Long.class).single();
    }

    /** A WHERE clause of fixed fragments, one per part of the filter that is set, and their parameters. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(OrderFilter filter) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            if (filter.status() != null) {
                conditions.add("status = :status");
                params.put("status", filter.status().wireName());
            }
            if (filter.customerId() != null) {
                conditions.add("customer_id = :customerId");
                params.put("customerId", filter.customerId().value());
            }
            if (filter.placedFrom() != null) {
                conditions.add("placed_at >= :placedFrom");
                params.put("placedFrom", Timestamp.from(filter.placedFrom()));
            }
            if (filter.placedTo() != null) {
                conditions.add("placed_at < :placedTo");
                params.put("placedTo", Timestamp.from(filter.placedTo()));
            }
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }
    }

    /** The orders with their lines, read in one more query, in the orders' own order. */
    private List<Order> withLines(List<Head> heads) {
        if (heads.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<OrderLine>> lines = jdbc.sql("""
                SELECT * FROM order_lines WHERE order_id IN (:ids) ORDER BY order_id, line_no""")
                .param("ids", heads.stream().map(head -> head.id().value()).toList())
                .query((rs, row) -> Map.entry(rs.getObject("order_id", UUID.class), mapLine(rs))).list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return heads.stream().map(head -> head.with(lines.getOrDefault(head.id().value(), List.of()))).toList();
    }

    /** An order row without its lines. */
    private record Head(OrderId id, Function<List<OrderLine>, Order> complete) {

        Order with(List<OrderLine> lines) {
            return complete.apply(lines);
        }
    }

    private static Head mapHead(ResultSet rs, int row) throws SQLException {
        OrderId id = new OrderId(rs.getObject("id", UUID.class));
        CustomerId customer = new CustomerId(rs.getObject("customer_id", UUID.class));
        OrderStatus status = OrderStatus.fromWire(rs.getString("status"))
                .orElseThrow(() -> new IllegalStateException("unknown status in the database"));
        long total = rs.getLong("total_amount");
        String currency = rs.getString("currency");
        ShippingAddress address = new ShippingAddress(rs.getString("ship_name"), rs.getString("ship_line1"),
                rs.getString("ship_line2"), rs.getString("ship_city"), rs.getString("ship_postal_code"),
                rs.getString("ship_region"), rs.getString("ship_country"));
        Instant paymentDueBy = instant(rs.getTimestamp("payment_due_by"));
        Instant placedAt = instant(rs.getTimestamp("placed_at"));
        Instant updatedAt = instant(rs.getTimestamp("updated_at"));
        Instant cancelledAt = nullableInstant(rs.getTimestamp("cancelled_at"));
        String reason = rs.getString("cancellation_reason");
        CancellationReason cancellationReason = reason == null ? null : CancellationReason.fromWire(reason);
        UUID paymentId = rs.getObject("payment_id", UUID.class);
        return new Head(id, lines -> new Order(id, customer, status, lines, total, currency, address, paymentDueBy,
                placedAt, updatedAt, cancelledAt, cancellationReason, paymentId));
    }

    private static OrderLine mapLine(ResultSet rs) throws SQLException {
        return new OrderLine(rs.getObject("product_id", UUID.class), rs.getString("sku"), rs.getString("name"),
                rs.getInt("quantity"), rs.getLong("unit_price"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp.toInstant();
    }

    private static @Nullable Instant nullableInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
