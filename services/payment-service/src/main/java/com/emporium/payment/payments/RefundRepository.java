package com.emporium.payment.payments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code refunds} table: one full refund per payment. */
@Repository
class RefundRepository {

    /** A pending refund with what the provider needs to make it. */
    record Pending(UUID id, UUID paymentId, String chargeId, long amountMinor, String reason) {
    }

    private final JdbcClient jdbc;

    RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID paymentId, long amountMinor, String reason, Instant now) {
        jdbc.sql("""
                INSERT INTO refunds (id, payment_id, amount_minor, reason, status, created_at)
                VALUES (:id, :payment, :amount, :reason, 'pending', :now)""")
                .param("id", id).param("payment", paymentId).param("amount", amountMinor).param("reason", reason)
                .param("now", Timestamp.from(now)).update();
    }

    /** Up to {@code limit} pending refunds, oldest first, that no other instance is completing right now. */
    List<Pending> pending(int limit) {
        return jdbc.sql("""
                SELECT r.id, r.payment_id, p.charge_id, r.amount_minor, r.reason FROM refunds r
                JOIN payments p ON p.id = r.payment_id
                WHERE r.status = 'pending' ORDER BY r.created_at LIMIT :limit FOR UPDATE OF r SKIP LOCKED""")
                .param("limit", limit)
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
                        rs.getString("charge_id"), rs.getLong("amount_minor"), rs.getString("reason")))
                .list();
    }

    /** Locks a refund's row; its status. */
    Optional<String> lockStatus(UUID id) {
        return jdbc.sql("SELECT status FROM refunds WHERE id = :id FOR UPDATE").param("id", id).query(String.class)
                .optional();
    }

    void succeeded(UUID id, String providerRefundId, Instant now) {
        jdbc.sql("""
                UPDATE refunds SET status = 'succeeded', sandbox_refund_id = :provider, refunded_at = :now
                WHERE id = :id""")
                .param("id", id).param("provider", providerRefundId).param("now", Timestamp.from(now)).update();
    }
}
