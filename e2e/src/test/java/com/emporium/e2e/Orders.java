package com.emporium.e2e;

import com.emporium.e2e.Accounts.Account;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Object mother for orders placed through the gateway, and a look at what order-service stored. */
public final class Orders {

    private Orders() {
    }

    public static Map<String, Object> shippingAddress() {
        return Map.of("name", "E2E Customer", "line1", "1 Test Street", "city", "Springfield",
                "postalCode", "12345", "country", "US");
    }

    /** An order body for one line. */
    public static Map<String, Object> orderOf(UUID productId, int quantity) {
        return Map.of("items", List.of(Map.of("productId", productId, "quantity", quantity)),
                "shippingAddress", shippingAddress());
    }

    public static ApiResponse place(ApiClient client, Account customer, Object body) {
        return client.post("/api/orders").bearer(customer.accessToken()).json(body).send();
    }

    /** How many orders order-service's database holds for this customer. */
    public static int storedFor(UUID customerId) {
        return count("SELECT count(*) FROM orders WHERE customer_id = ?", customerId);
    }

    /** How many order events wait in order-service's outbox, not yet confirmed by the broker, for this order. */
    public static int unsentEventsOf(UUID orderId) {
        return count("SELECT count(*) FROM event_outbox WHERE aggregate_id = ? AND sent_at IS NULL",
                orderId.toString());
    }

    /** The order's status in order-service's database. */
    public static String statusOf(UUID orderId) {
        try (Connection connection = Platform.current().orderServiceDatabase().connect();
                PreparedStatement query = connection.prepareStatement("SELECT status FROM orders WHERE id = ?")) {
            query.setObject(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    throw new IllegalStateException("order-service has no order " + orderId);
                }
                return row.getString(1);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot query order-service's database", ex);
        }
    }

    private static int count(String sql, Object parameter) {
        try (Connection connection = Platform.current().orderServiceDatabase().connect();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot query order-service's database", ex);
        }
    }
}
