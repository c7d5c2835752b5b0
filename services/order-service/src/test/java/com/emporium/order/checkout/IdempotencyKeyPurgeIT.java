package com.emporium.order.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.order.OrderServiceIT;
import com.emporium.order.fake.FakeUserService.Person;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Keys are kept at least a day, then forgotten. */
class IdempotencyKeyPurgeIT extends OrderServiceIT {

    @Autowired
    IdempotencyKeyPurge purge;

    @Test
    void forgetsKeysOlderThanTheirRetentionAndKeepsYoungerOnes() throws SQLException {
        Person ada = customer();
        Map<String, Object> body = Map.of("items", java.util.List.of(Map.of("productId", product().toString(),
                "quantity", 1)), "shippingAddress", Map.of("name", "Ada", "line1", "1 Road", "city", "London",
                "postalCode", "N1", "country", "GB"));
        place(ada, body).header("Idempotency-Key", "old").send();
        place(ada, body).header("Idempotency-Key", "young").send();
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            sql.executeUpdate("UPDATE idempotency_keys SET created_at = now() - interval '25 hours' "
                    + "WHERE idempotency_key = 'old' AND customer_id = '" + ada.id() + "'");
            sql.executeUpdate("UPDATE idempotency_keys SET created_at = now() - interval '23 hours' "
                    + "WHERE idempotency_key = 'young' AND customer_id = '" + ada.id() + "'");
        }

        int purged = purge.purge();

        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.queryForList("SELECT idempotency_key FROM idempotency_keys WHERE customer_id = ?",
                String.class, ada.id())).containsExactly("young");
        assertThat(ordersOf(ada)).as("the orders stay").isEqualTo(2);
    }

    @Test
    void refusesAKeyWhoseOrderIdIsTakenAfterTheKeyWasForgotten() throws SQLException {
        Person ada = customer();
        Map<String, Object> body = Map.of("items", java.util.List.of(Map.of("productId", product().toString(),
                "quantity", 1)), "shippingAddress", Map.of("name", "Ada", "line1", "1 Road", "city", "London",
                "postalCode", "N1", "country", "GB"));
        String key = "forgotten-" + UUID.randomUUID();
        place(ada, body).header("Idempotency-Key", key).send();
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            sql.executeUpdate("DELETE FROM idempotency_keys WHERE idempotency_key = '" + key + "'");
        }

        var again = place(ada, body).header("Idempotency-Key", key).send();

        assertThat(again.status()).isEqualTo(422);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:problem:emporium:idempotency-key-reused");
        assertThat(ordersOf(ada)).isOne();
    }
}
