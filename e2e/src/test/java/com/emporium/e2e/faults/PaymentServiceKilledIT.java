package com.emporium.e2e.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * payment-service SIGKILLed between a charge and its event: the sandbox has charged, payment-service has not
 * recorded the outcome. Once it is started again, its resolver asks the sandbox and finishes the saga; payments
 * racing the kill end succeeded or failed, never charged twice, and every order ends confirmed or cancelled with
 * its money and stock right.
 */
class PaymentServiceKilledIT {

    private static final Set<Integer> ANSWERS_DURING_THE_KILL = Set.of(201, 202, 402, 502, 503, 504);

    private final ApiClient orders = Gateway.client("order-service");
    private final ApiClient payments = Gateway.client();

    @Test
    void aChargeWhoseServiceDiedBeforeRecordingItIsResolvedAfterTheRestart() throws Exception {
        PlatformControl.assumeOwnPlatform();
        Product product = Catalog.product(20, "5.00");
        List<Account> customers = List.of(Accounts.customer(), Accounts.customer(), Accounts.customer(),
                Accounts.customer());
        List<UUID> placed = new ArrayList<>();
        for (Account customer : customers) {
            ApiResponse order = Orders.place(orders, customer, Orders.orderOf(product.id(), 2));
            assertThat(order.status()).as("%s", order).isEqualTo(201);
            placed.add(UUID.fromString(order.json().get("orderId").asString()));
        }

        List<Future<ApiResponse>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // the first charge is recorded at once, but its answer comes 4 s later: payment-service dies waiting
            answers.add(pool.submit(() -> Payments.pay(payments, customers.get(0), placed.get(0),
                    Payments.TOKEN_TIMEOUT)));
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> !Payments.chargesOfOrder(placed.get(0)).isEmpty());
            for (int i = 1; i < customers.size(); i++) {
                int n = i;
                answers.add(pool.submit(() -> Payments.pay(payments, customers.get(n), placed.get(n),
                        Payments.TOKEN_SUCCEEDS)));
            }
            PlatformControl.kill("payment-service");
        }
        try {
            for (Future<ApiResponse> answer : answers) {
                assertThat(answer.get().status()).as("%s", answer.get()).isIn(ANSWERS_DURING_THE_KILL);
            }
            assertThat(Payments.storedFor(placed.get(0))).singleElement()
                    .satisfies(payment -> assertThat(payment.status()).as("charged, but not recorded as such")
                            .isEqualTo("processing"));
        } finally {
            // whatever failed above, the tests after this one need payment-service
            PlatformControl.start("payment-service");
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> placed.stream()
                .allMatch(PaymentServiceKilledIT::settled));
        // the restart may outlast the order's 12 s payment window: then the found charge is refunded, not lost
        assertThat(Payments.storedFor(placed.get(0))).singleElement().satisfies(payment -> assertThat(payment.shownStatus())
                .as("the charge that was lost in flight was found").isIn("succeeded", "refunded"));
        Reconciliation.of(placed).assertConsistent(Map.of(product.id(), 20));
    }

    /** The order is confirmed or cancelled, none of its payments is unresolved and none of its refunds pending. */
    static boolean settled(UUID order) {
        String status = Orders.statusOf(order);
        boolean done = status.equals("confirmed") || status.equals("cancelled");
        return done && Payments.storedFor(order).stream().noneMatch(payment -> payment.status().equals("processing")
                || "pending".equals(payment.refundStatus()))
                && (status.equals("confirmed") ? "committed" : "released|expired|none")
                        .contains(Catalog.reservationStatus(order).orElse("none"));
    }
}
