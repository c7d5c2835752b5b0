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
import com.emporium.e2e.PlatformControl;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The broker cut while orders are cancelled: the cancellations are accepted and wait in order-service's outbox,
 * and once the broker is back inventory-service releases every unit, once.
 */
class BrokerCutIT {

    private static final int ORDERS = 5;
    private static final int UNITS_EACH = 2;

    private final ApiClient client = Gateway.client("order-service");

    @Test
    void putsEveryUnitBackOnceTheBrokerIsBack() {
        PlatformControl.assumeOwnPlatform();
        Account customer = Accounts.customer();
        Product product = Catalog.product(ORDERS * UNITS_EACH, "5.00");
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            ApiResponse placed = Orders.place(client, customer, Orders.orderOf(product.id(), UNITS_EACH));
            assertThat(placed.status()).as("%s", placed).isEqualTo(201);
            orders.add(UUID.fromString(placed.json().get("orderId").asString()));
        }
        assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(10, 10, 0));

        PlatformControl.cutBroker();
        try {
            for (UUID order : orders) {
                ApiResponse cancelled = client.put("/api/orders/" + order + "/cancel")
                        .bearer(customer.accessToken()).send();
                assertThat(cancelled.status()).as("cancelling while the broker is cut: %s", cancelled).isEqualTo(200);
            }
            assertThat(orders).allSatisfy(order -> assertThat(Orders.unsentEventsOf(order))
                    .as("OrderCancelled of %s waits in the outbox", order).isEqualTo(1));
            assertThat(Catalog.stock(product.id())).as("nothing released while the broker is cut")
                    .isEqualTo(new Stock(10, 10, 0));
        } finally {
            PlatformControl.restoreBroker();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(
                () -> assertThat(Catalog.stock(product.id())).isEqualTo(new Stock(10, 0, 10)));
        assertThat(orders).allSatisfy(order -> {
            assertThat(Orders.unsentEventsOf(order)).isZero();
            assertThat(Catalog.reservationStatus(order)).hasValue("released");
        });
    }
}
