package com.emporium.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts.Account;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * Object mother for products: each test makes its own through the admin API, with the stock it needs, so tests
 * never race each other for units of the demo catalog.
 */
public final class Catalog {

    /** A product the test made, as the admin API answered. */
    public record Product(UUID id, String sku, BigDecimal price) {
    }

    /** The stock of a product as inventory-service's database holds it. */
    public record Stock(int onHand, int reserved, int available) {
    }

    private Catalog() {
    }

    /** A new product with this many units on hand and this price, made by the platform's admin. */
    public static Product product(int onHand, String price) {
        Account admin = Accounts.admin();
        ApiClient client = Gateway.client("inventory-service");
        String sku = "E2E-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ApiResponse created = client.post("/api/inventory/admin/products").bearer(admin.accessToken())
                .json(Map.of("sku", sku, "name", "E2E product " + sku, "description", "Made by an end-to-end test",
                        "price", new BigDecimal(price), "category", "e2e", "onHand", onHand))
                .send();
        assertThat(created.status()).as("creating a product: %s", created).isEqualTo(201);
        return new Product(UUID.fromString(created.json().get("productId").asString()), sku, new BigDecimal(price));
    }

    /** What an anonymous shopper sees as available. */
    public static int available(UUID productId) {
        ApiResponse product = Gateway.client("inventory-service").get("/api/inventory/products/" + productId).send();
        assertThat(product.status()).as("%s", product).isEqualTo(200);
        return product.json().get("available").asInt();
    }

    /** The product's stock row, read straight from inventory-service's database. */
    public static Stock stock(UUID productId) {
        try (Connection connection = Platform.current().inventoryServiceDatabase().connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT on_hand, reserved, available FROM product_stock WHERE product_id = ?")) {
            query.setObject(1, productId);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("a stock row for %s", productId).isTrue();
                return new Stock(row.getInt(1), row.getInt(2), row.getInt(3));
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read the stock of " + productId, ex);
        }
    }

    /** The status of the order's reservation in inventory-service's database, empty when there is none. */
    public static java.util.Optional<String> reservationStatus(UUID orderId) {
        try (Connection connection = Platform.current().inventoryServiceDatabase().connect();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT status FROM reservations WHERE order_id = ?")) {
            query.setObject(1, orderId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? java.util.Optional.of(row.getString(1)) : java.util.Optional.empty();
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("cannot read the reservation of " + orderId, ex);
        }
    }
}
