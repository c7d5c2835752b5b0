package com.emporium.payment.payments;

import com.emporium.platform.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code payments} table, each payment read with its refund. */
@Repository
class PaymentRepository {

    private static final String SELECT = """
            SELECT p.*, r.id AS r_id, r.status AS r_status, r.reason AS r_reason, r.amount_minor AS r_amount,
                r.refunded_at AS r_refunded_at
            FROM payments p LEFT JOIN refunds r ON r.payment_id = p.id""";

    /** A payment with the request hash of its key. */
    record Keyed(Payment payment, byte[] requestHash) {
    }

    /**
     * Filters of the admin list; null matches all. {@code status} may be {@code refunded}; {@code refundStatus} is the
     * status of the payment's refund ({@code pending}, {@code succeeded}, {@code failed}).
     */
    record Filter(@Nullable String status, @Nullable UUID orderId, @Nullable UUID customerId,
            @Nullable String refundStatus) {

        Filter(@Nullable String status, @Nullable UUID orderId, @Nullable UUID customerId) {
            this(status, orderId, customerId, null);
        }
    }

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Payment> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE p.id = :id").param("id", id).query(PaymentRepository::read).optional();
    }

    /** Locks the payment's row until the transaction ends. */
    Optional<Payment> lock(UUID id) {
        jdbc.sql("SELECT id FROM payments WHERE id = :id FOR UPDATE").param("id", id).query(UUID.class).optional();
        return find(id);
    }

    Optional<Keyed> findByKey(UUID customerId, String key) {
        return jdbc.sql(SELECT + " WHERE p.customer_id = :customer AND p.idempotency_key = :key")
                .param("customer", customerId).param("key", key)
                .query((rs, row) -> new Keyed(read(rs, row), rs.getBytes("request_hash"))).optional();
    }

    /** The order's payment in flight or charged, if any (at most one: the partial unique index). */
    Optional<Payment> live(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE p.order_id = :order AND p.status IN ('processing', 'succeeded')")
                .param("order", orderId).query(PaymentRepository::read).optional();
    }

    void insert(UUID id, UUID orderId, UUID customerId, long amountMinor, String currency, String key,
            byte[] requestHash, Instant now) {
        jdbc.sql("""
                INSERT INTO payments (id, order_id, customer_id, amount_minor, currency, status, idempotency_key,
                    request_hash, created_at, updated_at)
                VALUES (:id, :order, :customer, :amount, :currency, 'processing', :key, :hash, :now, :now)""")
                .param("id", id).param("order", orderId).param("customer", customerId).param("amount", amountMinor)
                .param("currency", currency).param("key", key).param("hash", requestHash)
                .param("now", Timestamp.from(now)).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM payments WHERE id = :id AND status = 'processing'").param("id", id).update();
    }

    void succeeded(UUID id, String chargeId, String brand, String last4, Instant now) {
        jdbc.sql("""
                UPDATE payments SET status = 'succeeded', charge_id = :charge, card_brand = :brand, card_last4 = :last4,
                    updated_at = :now WHERE id = :id""")
                .param("id", id).param("charge", chargeId).param("brand", brand).param("last4", last4)
                .param("now", Timestamp.from(now)).update();
    }

    /** A failed payment's charge that the provider made after all: its id and card, the failure kept. */
    void orphanCharged(UUID id, String chargeId, String brand, String last4, Instant now) {
        jdbc.sql("""
                UPDATE payments SET charge_id = :charge, card_brand = :brand, card_last4 = :last4, updated_at = :now
                WHERE id = :id AND status = 'failed'""")
                .param("id", id).param("charge", chargeId).param("brand", brand).param("last4", last4)
                .param("now", Timestamp.from(now)).update();
    }

    void failed(UUID id, String reason, Instant now) {
        jdbc.sql("UPDATE payments SET status = 'failed', failure_reason = :reason, updated_at = :now WHERE id = :id")
                .param("id", id).param("reason", reason).param("now", Timestamp.from(now)).update();
    }

    void refundStatus(UUID id, String refundStatus, Instant now) {
        jdbc.sql("UPDATE payments SET refund_status = :status, updated_at = :now WHERE id = :id")
                .param("id", id).param("status", refundStatus).param("now", Timestamp.from(now)).update();
    }

    /** The order's charged payments without a refund. */
    List<Payment> succeededWithoutRefund(UUID orderId) {
        return jdbc.sql(SELECT + " WHERE p.order_id = :order AND p.status = 'succeeded' AND p.refund_status = 'none'")
                .param("order", orderId).query(PaymentRepository::read).list();
    }

    /**
     * Claims up to {@code limit} payments still processing that were created before {@code cutoff}, those never or
     * least recently looked at first (so a payment that cannot be resolved does not hold up the rest), skipping those
     * another instance holds, and counts the attempt; their ids.
     */
    List<UUID> claimUnresolved(Instant cutoff, int limit, Instant now) {
        List<UUID> ids = jdbc.sql("""
                SELECT id FROM payments WHERE status = 'processing' AND created_at < :cutoff
                ORDER BY last_resolve_at NULLS FIRST, created_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", limit).query(UUID.class).list();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    UPDATE payments SET resolve_attempts = resolve_attempts + 1, last_resolve_at = :now
                    WHERE id IN (:ids)""").param("now", Timestamp.from(now)).param("ids", ids).update();
        }
        return ids;
    }

    List<Payment> page(Filter filter, PageQuery page) {
        Where where = where(filter);
        return jdbc.sql(SELECT + where.sql + " ORDER BY p.created_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params).param("limit", page.size()).param("offset", page.offset())
                .query(PaymentRepository::read).list();
    }

    long count(Filter filter) {
        Where where = where(filter);
        Long count = jdbc.sql("SELECT count(*) FROM payments p" + where.sql).params(where.params)
                .query(Long.class).single();
        return count == null ? 0 : count;
    }

    /** Releases the keys of payments created before {@code cutoff}; how many. */
    int releaseKeysOlderThan(Instant cutoff) {
        return jdbc.sql("""
                UPDATE payments SET idempotency_key = NULL, request_hash = NULL
                WHERE idempotency_key IS NOT NULL AND created_at < :cutoff""")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }

    private record Where(String sql, java.util.Map<String, Object> params) {
    }

    private static Where where(Filter filter) {
        List<String> conditions = new ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (filter.status() != null) {
            switch (filter.status()) {
                case "refunded" -> conditions.add("p.status = 'succeeded' AND p.refund_status = 'refunded'");
                case "succeeded" -> conditions.add("p.status = 'succeeded' AND p.refund_status <> 'refunded'");
                default -> {
                    conditions.add("p.status = :status");
                    params.put("status", filter.status());
                }
            }
        }
        if (filter.orderId() != null) {
            conditions.add("p.order_id = :order");
            params.put("order", filter.orderId());
        }
        if (filter.refundStatus() != null) {
            conditions.add(
                    "EXISTS (SELECT 1 FROM refunds rf WHERE rf.payment_id = p.id AND rf.status = :refundStatus)");
            params.put("refundStatus", filter.refundStatus());
        }
        if (filter.customerId() != null) {
            conditions.add("p.customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
    }

    private static Payment read(ResultSet rs, int row) throws SQLException {
        UUID refundId = rs.getObject("r_id", UUID.class);
        Payment.Refund refund = refundId == null ? null : new Payment.Refund(refundId, rs.getString("r_status"),
                rs.getString("r_reason"), rs.getLong("r_amount"), instant(rs.getTimestamp("r_refunded_at")));
        return new Payment(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getLong("amount_minor"), rs.getString("currency"),
                PaymentStatus.of(rs.getString("status")), rs.getString("failure_reason"), rs.getString("charge_id"),
                rs.getString("card_brand"), rs.getString("card_last4"), rs.getString("refund_status"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), refund);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
