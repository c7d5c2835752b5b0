package com.emporium.sandbox.charge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The refunds table. Inserting a refund adds it to its charge's {@code amount_refunded} (a trigger does). */
@Repository
class RefundRepository {

    private final JdbcClient jdbc;

    RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insertIfAbsent(Refund refund) {
        return jdbc.sql("""
                INSERT INTO refunds (id, idempotency_key, request_hash, charge_id, amount, currency, reason, created_at)
                VALUES (:id, :key, decode(:hash, 'hex'), :chargeId, :amount, :currency, :reason, :createdAt)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .param("id", refund.id())
                .param("key", refund.idempotencyKey())
                .param("hash", refund.requestHash())
                .param("chargeId", refund.chargeId())
                .param("amount", refund.amount())
                .param("currency", refund.currency())
                .param("reason", refund.reason())
                .param("createdAt", Timestamp.from(refund.createdAt()))
                .update() == 1;
    }

    Optional<Refund> findByKey(String idempotencyKey) {
        return jdbc.sql("SELECT * FROM refunds WHERE idempotency_key = :key").param("key", idempotencyKey)
                .query(RefundRepository::refund).optional();
    }

    Optional<Refund> find(String id) {
        return jdbc.sql("SELECT * FROM refunds WHERE id = :id").param("id", id)
                .query(RefundRepository::refund).optional();
    }

    List<Refund> list(@Nullable String chargeId, long offset, int limit) {
        return jdbc.sql("SELECT * FROM refunds WHERE (CAST(:chargeId AS text) IS NULL OR charge_id = :chargeId)"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("chargeId", chargeId).param("limit", limit).param("offset", offset)
                .query(RefundRepository::refund).list();
    }

    long count(@Nullable String chargeId) {
        return jdbc.sql("SELECT count(*) FROM refunds WHERE (CAST(:chargeId AS text) IS NULL OR charge_id = :chargeId)")
                .param("chargeId", chargeId).query(Long.class).single();
    }

    static Refund refund(ResultSet row, int number) throws SQLException {
        return new Refund(row.getString("id"), row.getString("idempotency_key"),
                HexFormat.of().formatHex(row.getBytes("request_hash")), row.getString("charge_id"),
                row.getLong("amount"), row.getString("currency"), row.getString("reason"),
                row.getTimestamp("created_at").toInstant());
    }
}
