package com.emporium.sandbox.charge;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The charges table. Charges come back without their refunds; {@link ChargeService} adds them. */
@Repository
class ChargeRepository {

    private final JdbcClient jdbc;

    ChargeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the charge unless its {@code Idempotency-Key} already has one. A concurrent insert of the same key waits
     * for the first to commit (the unique constraint), then inserts nothing: false.
     */
    boolean insertIfAbsent(Charge charge) {
        return jdbc.sql("""
                INSERT INTO charges (id, idempotency_key, request_hash, status, decline_code, amount, currency, token,
                                     card_brand, card_last4, reference, description, created_at)
                VALUES (:id, :key, decode(:hash, 'hex'), :status, :declineCode, :amount, :currency, :token,
                        :brand, :last4, :reference, :description, :createdAt)
                ON CONFLICT (idempotency_key) DO NOTHING
                """)
                .param("id", charge.id())
                .param("key", charge.idempotencyKey())
                .param("hash", charge.requestHash())
                .param("status", charge.status().wireName())
                .param("declineCode", charge.declineCode())
                .param("amount", charge.amount())
                .param("currency", charge.currency())
                .param("token", charge.token())
                .param("brand", charge.cardBrand())
                .param("last4", charge.cardLast4())
                .param("reference", charge.reference())
                .param("description", charge.description())
                .param("createdAt", Timestamp.from(charge.createdAt()))
                .update() == 1;
    }

    Optional<Charge> findByKey(String idempotencyKey) {
        return jdbc.sql("SELECT * FROM charges WHERE idempotency_key = :key")
                .param("key", idempotencyKey).query(ChargeRepository::charge).optional();
    }

    Optional<Charge> find(String id) {
        return jdbc.sql("SELECT * FROM charges WHERE id = :id").param("id", id)
                .query(ChargeRepository::charge).optional();
    }

    /** The charge, locked until the transaction ends: its refunds are decided one at a time. */
    Optional<Charge> lock(String id) {
        return jdbc.sql("SELECT * FROM charges WHERE id = :id FOR UPDATE").param("id", id)
                .query(ChargeRepository::charge).optional();
    }

    List<Charge> list(ChargeFilter filter, long offset, int limit) {
        Where where = Where.of(filter);
        return jdbc.sql("SELECT * FROM charges" + where.sql()
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", limit).param("offset", offset)
                .query(ChargeRepository::charge).list();
    }

    long count(ChargeFilter filter) {
        Where where = Where.of(filter);
        return jdbc.sql("SELECT count(*) FROM charges" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** The refunds of these charges, newest first, by charge id. */
    Map<String, List<Refund>> refundsOf(List<String> chargeIds) {
        if (chargeIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM refunds WHERE charge_id IN (:ids) ORDER BY created_at DESC, id DESC")
                .param("ids", chargeIds).query(RefundRepository::refund).list().stream()
                .collect(Collectors.groupingBy(Refund::chargeId));
    }

    private static Charge charge(ResultSet row, int number) throws SQLException {
        return new Charge(row.getString("id"), row.getString("idempotency_key"),
                java.util.HexFormat.of().formatHex(row.getBytes("request_hash")),
                ChargeStatus.ofWireName(row.getString("status")), row.getString("decline_code"),
                row.getLong("amount"), row.getString("currency"), row.getString("token"), row.getString("card_brand"),
                row.getString("card_last4"), row.getString("reference"), row.getString("description"),
                row.getLong("amount_refunded"), row.getTimestamp("created_at").toInstant(), List.of());
    }

    private record Where(String sql, Map<String, Object> params) {

        static Where of(ChargeFilter filter) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new java.util.HashMap<>();
            add(conditions, params, "idempotency_key", "key", filter.idempotencyKey());
            add(conditions, params, "reference", "reference", filter.reference());
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }

        private static void add(List<String> conditions, Map<String, Object> params, String column, String name,
                @Nullable String value) {
            if (value != null) {
                conditions.add(column + " = :" + name);
                params.put(name, value);
            }
        }
    }
}
