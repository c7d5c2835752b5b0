package com.emporium.payment.orders;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code order_facts} table. Every write merges: the status only moves forward ({@code cancelled} is final,
 * whatever arrives after it), and the amount, currency and deadline, once known, stay. So duplicates and any order
 * of arrival end in the same row.
 */
@Repository
public class OrderFactsRepository {

    private final JdbcClient jdbc;
    private final Clock clock;

    OrderFactsRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<OrderFacts> find(UUID orderId) {
        return jdbc.sql("SELECT * FROM order_facts WHERE order_id = :id").param("id", orderId)
                .query(OrderFactsRepository::read).optional();
    }

    /** Locks the order's row until the transaction ends; every write of an order's payments takes this lock first. */
    public Optional<OrderFacts> lock(UUID orderId) {
        return jdbc.sql("SELECT * FROM order_facts WHERE order_id = :id FOR UPDATE").param("id", orderId)
                .query(OrderFactsRepository::read).optional();
    }

    /** Merges what is learnt of an order into its row (creating it when there is none). */
    public void merge(OrderFacts facts) {
        jdbc.sql("""
                INSERT INTO order_facts (order_id, customer_id, amount_minor, currency, payment_due_by, status,
                    updated_at)
                VALUES (:orderId, :customerId, :amount, :currency, :dueBy, :status, :now)
                ON CONFLICT (order_id) DO UPDATE SET
                    amount_minor = CASE WHEN order_facts.amount_minor IS NULL THEN EXCLUDED.amount_minor
                        ELSE order_facts.amount_minor END,
                    currency = CASE WHEN order_facts.amount_minor IS NULL THEN EXCLUDED.currency
                        ELSE order_facts.currency END,
                    payment_due_by = COALESCE(order_facts.payment_due_by, EXCLUDED.payment_due_by),
                    status = CASE
                        WHEN order_facts.status = 'cancelled' OR EXCLUDED.status = 'cancelled' THEN 'cancelled'
                        WHEN array_position(ARRAY['pending', 'confirmed', 'shipped', 'delivered'], EXCLUDED.status)
                            > array_position(ARRAY['pending', 'confirmed', 'shipped', 'delivered'], order_facts.status)
                            THEN EXCLUDED.status
                        ELSE order_facts.status END,
                    updated_at = EXCLUDED.updated_at""")
                .param("orderId", facts.orderId()).param("customerId", facts.customerId())
                .param("amount", facts.amountMinor()).param("currency", facts.currency())
                .param("dueBy", facts.paymentDueBy() == null ? null : Timestamp.from(facts.paymentDueBy()))
                .param("status", facts.status().wireName())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    private static OrderFacts read(ResultSet rs, int row) throws SQLException {
        long amount = rs.getLong("amount_minor");
        Long amountMinor = rs.wasNull() ? null : amount;
        Timestamp dueBy = rs.getTimestamp("payment_due_by");
        Instant paymentDueBy = dueBy == null ? null : dueBy.toInstant();
        return new OrderFacts(rs.getObject("order_id", UUID.class), rs.getObject("customer_id", UUID.class),
                amountMinor, rs.getString("currency"), paymentDueBy, OrderStatus.of(rs.getString("status")));
    }
}
