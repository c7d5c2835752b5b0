package com.emporium.e2e.faults;

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
import com.emporium.e2e.PlatformControl;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * inventory-service killed (SIGKILL) while orders are being created: every answer is 201 or 503 with
 * Retry-After, only the 201s are stored, and a reservation the dead service made for an order that was never
 * stored expires on its own, so the stock ends right to the unit.
 */
class InventoryKilledIT {

    private static final int CUSTOMERS = 4;
    private static final int ORDERS_EACH = 3;

    @Test
    void answers503StoresNothingAndLetsAnOrphanReservationExpire() throws Exception {
        PlatformControl.assumeOwnPlatform();
        Product product = Catalog.product(100, "1.00");
        List<Account> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(Accounts.customer());
        }
        List<CompletableFuture<List<ApiResponse>>> running = new ArrayList<>();
        List<ApiResponse> whileDead;

        try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Account customer : customers) {
                ApiClient client = Gateway.client();
                running.add(CompletableFuture.supplyAsync(() -> {
                    List<ApiResponse> answers = new ArrayList<>();
                    for (int i = 0; i < ORDERS_EACH; i++) {
                        answers.add(Orders.place(client, customer, Orders.orderOf(product.id(), 1)));
                    }
                    return answers;
                }, clients));
            }
            PlatformControl.kill("inventory-service");
            whileDead = new ArrayList<>();
            for (Account customer : customers) {
                whileDead.add(Orders.place(Gateway.client(), customer, Orders.orderOf(product.id(), 1)));
            }
        } finally {
            PlatformControl.start("inventory-service");
        }

        List<ApiResponse> answers = new ArrayList<>(whileDead);
        for (CompletableFuture<List<ApiResponse>> each : running) {
            answers.addAll(each.get());
        }
        assertThat(whileDead).allSatisfy(answer -> {
            assertProblem(answer, 503, "service-unavailable");
            assertThat(answer.header("Retry-After")).isPresent();
        });
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as("%s", answer).isIn(201, 503));
        long created = answers.stream().filter(answer -> answer.status() == 201).count();
        int stored = customers.stream().mapToInt(customer -> Orders.storedFor(customer.id())).sum();
        assertThat(stored).as("orders stored: only those answered 201").isEqualTo(created);
        // An orphan reservation (made before the kill for an order that got a 503) expires after the hold, and the
        // stored orders, never paid, are cancelled when their payment window closes: the test platform sets both
        // to seconds. Then every unit is back, none twice.
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(Catalog.stock(product.id()))
                .isEqualTo(new Stock(100, 0, 100)));
        assertOrdersWorkAgain();
    }

    /** order-service's circuit breaker closes again once inventory answers: the tests after this one order. */
    private static void assertOrdersWorkAgain() {
        Account probe = Accounts.customer();
        Product product = Catalog.product(1, "1.00");
        ApiClient client = Gateway.client();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).until(
                () -> Orders.place(client, probe, Orders.orderOf(product.id(), 1)).status() == 201);
    }
}
