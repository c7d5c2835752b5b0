package com.emporium.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
import com.emporium.e2e.Catalog.Stock;
import com.emporium.e2e.Gateway;
import com.emporium.e2e.Orders;
import com.emporium.e2e.Payments;
import com.emporium.e2e.PlatformControl;
import com.emporium.e2e.Reconciliation;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker cut while orders are paid: the payments succeed (the card processor is HTTP), their
 * {@code PaymentSucceeded} waits in payment-service's outbox, nothing is confirmed or committed meanwhile, and once
 * the broker is back every order ends confirmed (or, had the wait outlived its payment window, cancelled and
 * refunded), with its money and stock right.
 */
class PaymentBrokerCutIT {

    private static final int ORDERS = 3;

    private final ApiClient orders = Gateway.client("order-service");
    private final ApiClient payments = Gateway.client("payment-service");

    @Test
    void paymentsMadeWhileTheBrokerIsCutConfirmTheirOrdersOnceItIsBack() {
        PlatformControl.assumeOwnPlatform();
        Account customer = Accounts.customer();
        Product product = Catalog.product(ORDERS * 2, "11.00");
        List<UUID> placed = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            ApiResponse order = Orders.place(orders, customer, Orders.orderOf(product.id(), 2));
            assertThat(order.status()).as("%s", order).isEqualTo(201);
            placed.add(UUID.fromString(order.json().get("orderId").asString()));
        }

        PlatformControl.cutBroker();
        try {
            for (UUID order : placed) {
                ApiResponse paid = Payments.pay(payments, customer, order, Payments.TOKEN_SUCCEEDS);
                assertThat(paid.status()).as("paying while the broker is cut: %s", paid).isEqualTo(201);
            }
            assertThat(placed).allSatisfy(order -> assertThat(Orders.statusOf(order))
                    .as("not confirmed while PaymentSucceeded cannot travel").isEqualTo("pending"));
            assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(6, 6, 0));
        } finally {
            PlatformControl.restoreBroker();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> placed.stream().allMatch(PaymentServiceKilledIT::settled));
        System.out.println("PaymentBrokerCutIT: " + placed.stream().map(Orders::statusOf).toList());
        Reconciliation.of(placed).assertConsistent(Map.of(product.id(), ORDERS * 2));
    }
}
