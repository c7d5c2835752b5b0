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

    /**
     * Claims up to {@code limit} pending refunds, oldest first, that no instance holds a lease on, with a lease until
     * {@code until}: in one statement, committed before the provider is called, so that no other instance sends them
     * meanwhile.
     */
    List<Pending> claim(int limit, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE refunds r SET claimed_until = :until FROM payments p
                WHERE p.id = r.payment_id AND r.id IN (
                    SELECT id FROM refunds WHERE status = 'pending' AND (claimed_until IS NULL OR claimed_until <= :now)
                    ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                RETURNING r.id, r.payment_id, p.charge_id, r.amount_minor, r.reason, r.created_at""")
                .param("limit", limit).param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .query((rs, row) -> new Pending(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
                        rs.getString("charge_id"), rs.getLong("amount_minor"), rs.getString("reason")))
                .list();
    }

    /** Gives up the lease of a refund that is still pending, so that the next round takes it again. */
    void release(UUID id) {
        jdbc.sql("UPDATE refunds SET claimed_until = NULL WHERE id = :id AND status = 'pending'").param("id", id)
                .update();
    }

    /** Counts a refusal of the provider and gives up the lease; how many refusals the refund has had. */
    int rejected(UUID id) {
        return jdbc.sql("""
                UPDATE refunds SET rejections = rejections + 1, claimed_until = NULL
                WHERE id = :id AND status = 'pending' RETURNING rejections""")
                .param("id", id).query(Integer.class).optional().orElse(0);
    }

    void failed(UUID id, String failure) {
        jdbc.sql("UPDATE refunds SET status = 'failed', failure = :failure, claimed_until = NULL WHERE id = :id")
                .param("id", id).param("failure", failure).update();
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
