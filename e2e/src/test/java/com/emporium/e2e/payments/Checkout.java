package com.emporium.e2e.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Gateway;
import com.emporium.e2e.Orders;
import com.emporium.e2e.Payments;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.UUID;

/** The steps of a checkout the payment tests share: place an order, wait for its status or its payment's. */
final class Checkout {

    /** Long enough for an event to cross the broker, or the 12 s payment window of the test platform to pass. */
    static final Duration PATIENCE = Duration.ofSeconds(30);

    final ApiClient orders = Gateway.client("order-service");
    final ApiClient payments = Gateway.client("payment-service");

    /** Places an order of {@code quantity} units of the product; its id. */
    UUID place(Account customer, UUID product, int quantity) {
        ApiResponse placed = Orders.place(orders, customer, Orders.orderOf(product, quantity));
        assertThat(placed.status()).as("placing an order: %s", placed).isEqualTo(201);
        return UUID.fromString(placed.json().get("orderId").asString());
    }

    /** The order as its customer sees it through the gateway. */
    ApiResponse order(Account customer, UUID order) {
        ApiResponse seen = orders.get("/api/orders/" + order).bearer(customer.accessToken()).send();
        assertThat(seen.status()).as("%s", seen).isEqualTo(200);
        return seen;
    }

    /**
     * Waits until the order has this status, watching order-service's database (polling the gateway would spend
     * the customer's rate limit); the order as its customer then sees it.
     */
    ApiResponse awaitOrder(Account customer, UUID order, String status) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> Orders.statusOf(order).equals(status));
        return order(customer, order);
    }

    /** Waits until the payment has this status in payment-service's database; the payment as its owner sees it. */
    ApiResponse awaitPayment(Account customer, String payment, String status) {
        UUID id = UUID.fromString(payment);
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> Payments.stored(id)
                .map(stored -> stored.shownStatus().equals(status)).orElse(false));
        ApiResponse seen = payments.get("/api/payments/" + payment).bearer(customer.accessToken()).send();
        assertThat(seen.status()).as("%s", seen).isEqualTo(200);
        return seen;
    }
}
