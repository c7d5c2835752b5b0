package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A customer may hold at most {@value OrderServiceIT#MAX_PENDING} unpaid orders: stock is not hoarded. */
class PendingCapIT extends OrderServiceIT {

    @Test
    void refusesAnOrderBeyondTheCapWithoutReservingAndTakesOneAgainAfterACancellation() {
        Person ada = customer();
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < MAX_PENDING; i++) {
            orders.add(placed(ada));
        }
        UUID tea = product();
        int asked = INVENTORY.reserveRequests();

        ApiResponse refused = place(ada, OrderRequests.of(tea, 1)).send();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:emporium:too-many-pending-orders");
        assertThat(refused.json().get("limit").asInt()).isEqualTo(MAX_PENDING);
        assertThat(INVENTORY.reserveRequests()).isEqualTo(asked);
        assertThat(ordersOf(ada)).isEqualTo(MAX_PENDING);
        assertThat(place(customer(), OrderRequests.of(tea, 1)).send().status()).as("another customer is not held back")
                .isEqualTo(201);
        api.put("/api/orders/" + orders.getFirst() + "/cancel").bearer(ada.token()).send();
        assertThat(place(ada, OrderRequests.of(tea, 1)).send().status()).isEqualTo(201);
    }

    @Test
    void holdsTheCapUnderConcurrentOrdersAndReleasesTheLosersStock() throws Exception {
        Person ada = customer();
        UUID tea = product();
        int racers = MAX_PENDING + 4;
        List<Callable<ApiResponse>> orders = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            orders.add(() -> place(ada, OrderRequests.of(tea, 1)).send());
        }

        List<ApiResponse> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<ApiResponse> answer : threads.invokeAll(orders)) {
                answers.add(answer.get());
            }
        }

        assertThat(answers).extracting(ApiResponse::status).containsOnly(201, 409);
        assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(MAX_PENDING);
        assertThat(ordersOf(ada)).isEqualTo(MAX_PENDING);
        assertThat(INVENTORY.available(tea)).as("a refused order's reservation is released")
                .isEqualTo(100 - MAX_PENDING);
    }
}
