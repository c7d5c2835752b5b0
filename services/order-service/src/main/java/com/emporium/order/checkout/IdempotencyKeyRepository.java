package com.emporium.order.checkout;

import com.emporium.order.orders.CustomerId;
import com.emporium.order.orders.OrderId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code Idempotency-Key}s of placed orders with their first answers, per customer. */
@Repository
class IdempotencyKeyRepository {

    /** A key's request fingerprint and the answer it got. */
    record StoredAnswer(byte[] requestHash, OrderId orderId, int status, String body) {
    }

    private final JdbcClient jdbc;

    IdempotencyKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredAnswer> find(CustomerId customer, String key) {
        return jdbc.sql("""
                SELECT request_hash, order_id, response_status, response_body FROM idempotency_keys
                WHERE customer_id = :customer AND idempotency_key = :key""")
                .param("customer", customer.value()).param("key", key)
                .query((rs, row) -> new StoredAnswer(rs.getBytes("request_hash"),
                        new OrderId(rs.getObject("order_id", UUID.class)), rs.getInt("response_status"),
                        rs.getString("response_body")))
                .optional();
    }

    void insert(CustomerId customer, String key, byte[] requestHash, OrderId orderId, int status, String body,
            Instant now) {
        jdbc.sql("""
                INSERT INTO idempotency_keys (customer_id, idempotency_key, request_hash, order_id, response_status,
                    response_body, created_at)
                VALUES (:customer, :key, :hash, :orderId, :status, :body, :now)""")
                .param("customer", customer.value()).param("key", key).param("hash", requestHash)
                .param("orderId", orderId.value()).param("status", status).param("body", body)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Deletes the keys stored before {@code cutoff}; returns how many. */
    int purgeOlderThan(Instant cutoff) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff)).update();
    }
}
