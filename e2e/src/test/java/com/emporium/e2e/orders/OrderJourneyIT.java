package com.emporium.e2e.orders;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
import com.emporium.e2e.Catalog.Stock;
import com.emporium.e2e.Gateway;
import com.emporium.e2e.Orders;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through through the gateway: browse, order, see it pending, cancel, see the stock back. The
 * release travels as an event, order-service's outbox to inventory-service's consumer over the real broker.
 */
class OrderJourneyIT {

    private final ApiClient client = Gateway.client("order-service");

    @Test
    void ordersSeesItPendingCancelsAndSeesTheStockBack() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(5, "12.50");

        ApiResponse placed = Orders.place(client, customer, Orders.orderOf(product.id(), 2));

        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        UUID orderId = UUID.fromString(placed.json().get("orderId").asString());
        assertThat(placed.header("Location")).hasValueSatisfying(location -> assertThat(location)
                .endsWith("/api/orders/" + orderId));
        assertThat(placed.json().get("status").asString()).isEqualTo("pending");
        assertThat(placed.json().get("customerId").asString()).isEqualTo(customer.id().toString());
        assertThat(placed.json().get("totalAmount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(Catalog.available(product.id())).isEqualTo(3);

        ApiResponse seen = client.get("/api/orders/" + orderId).bearer(customer.accessToken()).send();
        ApiResponse mine = client.get("/api/orders").bearer(customer.accessToken()).send();

        assertThat(seen.json().get("status").asString()).isEqualTo("pending");
        assertThat(mine.json().get("items")).singleElement()
                .satisfies(order -> assertThat(order.get("orderId").asString()).isEqualTo(orderId.toString()));

        ApiResponse cancelled = client.put("/api/orders/" + orderId + "/cancel").bearer(customer.accessToken())
                .send();

        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(5, 0, 5)));
        assertThat(Catalog.reservationStatus(orderId)).as("released by OrderCancelled, not expired")
                .hasValue("released");
        assertThat(Catalog.available(product.id())).isEqualTo(5);
    }

    @Test
    void refusesToCancelAnOrderTwice() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(2, "3.00");
        String orderId = Orders.place(client, customer, Orders.orderOf(product.id(), 1)).json().get("orderId")
                .asString();
        client.put("/api/orders/" + orderId + "/cancel").bearer(customer.accessToken()).send();

        ApiResponse again = client.put("/api/orders/" + orderId + "/cancel").bearer(customer.accessToken()).send();

        assertProblem(again, 409, "illegal-transition");
    }

    @Test
    void hidesAnotherCustomersOrderAndRefusesToCancelIt() {
        Account owner = Accounts.customer();
        Account other = Accounts.customer();
        Product product = Catalog.product(2, "3.00");
        String orderId = Orders.place(client, owner, Orders.orderOf(product.id(), 1)).json().get("orderId")
                .asString();

        ApiResponse seen = client.get("/api/orders/" + orderId).bearer(other.accessToken()).send();
        ApiResponse cancelled = client.put("/api/orders/" + orderId + "/cancel").bearer(other.accessToken()).send();

        assertProblem(seen, 404, "not-found");
        assertProblem(cancelled, 404, "not-found");
        ApiResponse stillPending = client.get("/api/orders/" + orderId).bearer(owner.accessToken()).send();
        assertThat(stillPending.json().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void letsAnAdminSeeEveryCustomersOrders() {
        Account customer = Accounts.customer();
        Product product = Catalog.product(2, "3.00");
        String orderId = Orders.place(client, customer, Orders.orderOf(product.id(), 1)).json().get("orderId")
                .asString();

        ApiResponse listed = client.get("/api/orders/admin/orders").query("customerId", customer.id())
                .bearer(Accounts.admin().accessToken()).send();
        ApiResponse refused = client.get("/api/orders/admin/orders").bearer(customer.accessToken()).send();

        assertThat(listed.status()).as("%s", listed).isEqualTo(200);
        assertThat(listed.json().get("items")).singleElement()
                .satisfies(order -> assertThat(order.get("orderId").asString()).isEqualTo(orderId));
        assertProblem(refused, 403, "forbidden");
    }
}
