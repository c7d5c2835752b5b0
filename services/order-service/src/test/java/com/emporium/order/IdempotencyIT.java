package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.http.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** {@code Idempotency-Key}: the same request again gets the first answer; one key makes one order, even racing. */
class IdempotencyIT extends OrderServiceIT {

    private static final int ROUNDS = 5;

    @Test
    void answersTheSameKeyAndBodyWithTheFirstAnswerAndNoSecondOrder() {
        Person ada = customer();
        UUID tea = product();
        Map<String, Object> body = OrderRequests.of(tea, 2);
        String key = UUID.randomUUID().toString();
        ApiResponse first = place(ada, body).header("Idempotency-Key", key).send();
        int asked = INVENTORY.reserveRequests();

        ApiResponse again = place(ada, body).header("Idempotency-Key", key).send();

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(INVENTORY.reserveRequests()).as("the stored answer needs no reservation").isEqualTo(asked);
        assertThat(INVENTORY.available(tea)).isEqualTo(98);
        assertThat(ordersOf(ada)).isOne();
        assertThat(idempotencyKeysOf(ada)).isOne();
    }

    @Test
    void answersTheFirstAnswerEvenAfterTheOrderChanged() {
        Person ada = customer();
        Map<String, Object> body = OrderRequests.of(product(), 1);
        String key = UUID.randomUUID().toString();
        ApiResponse first = place(ada, body).header("Idempotency-Key", key).send();
        api.put("/api/orders/" + first.json().get("orderId").asString() + "/cancel").bearer(ada.token()).send();

        ApiResponse again = place(ada, body).header("Idempotency-Key", key).send();

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.json().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void refusesTheSameKeyWithADifferentBody() {
        Person ada = customer();
        UUID tea = product();
        String key = UUID.randomUUID().toString();
        place(ada, OrderRequests.of(tea, 1)).header("Idempotency-Key", key).send();

        ApiResponse changed = place(ada, OrderRequests.of(tea, 2)).header("Idempotency-Key", key).send();

        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.json().get("type").asString()).isEqualTo("urn:problem:emporium:idempotency-key-reused");
        assertThat(ordersOf(ada)).isOne();
        assertThat(INVENTORY.available(tea)).isEqualTo(99);
    }

    @Test
    void scopesAKeyToItsCustomer() {
        Person ada = customer();
        Person bob = customer();
        Map<String, Object> body = OrderRequests.of(product(), 1);
        String key = "order-" + UUID.randomUUID();

        ApiResponse hers = place(ada, body).header("Idempotency-Key", key).send();
        ApiResponse his = place(bob, body).header("Idempotency-Key", key).send();

        assertThat(his.status()).isEqualTo(201);
        assertThat(his.json().get("orderId")).isNotEqualTo(hers.json().get("orderId"));
        assertThat(his.json().get("customerId").asString()).isEqualTo(bob.id().toString());
        assertThat(ordersOf(ada)).isOne();
        assertThat(ordersOf(bob)).isOne();
    }

    @Test
    void makesAnOrderForEachRequestWithoutAKey() {
        Person ada = customer();
        Map<String, Object> body = OrderRequests.of(product(), 1);

        ApiResponse first = place(ada, body).send();
        ApiResponse second = place(ada, body).send();

        assertThat(second.json().get("orderId")).isNotEqualTo(first.json().get("orderId"));
        assertThat(ordersOf(ada)).isEqualTo(2);
    }

    @Test
    void makesOneOrderOfTwoRequestsRacingWithOneKey() throws Exception {
        Person ada = customer();
        UUID tea = product();
        Map<String, Object> body = OrderRequests.of(tea, 3);

        for (int round = 0; round < ROUNDS; round++) {
            String key = "race-" + round + "-" + UUID.randomUUID();
            CyclicBarrier start = new CyclicBarrier(2);
            List<ApiResponse> answers;
            try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<ApiResponse>> racing = List.of(
                        threads.submit(() -> {
                            start.await();
                            return place(ada, body).header("Idempotency-Key", key).send();
                        }),
                        threads.submit(() -> {
                            start.await();
                            return place(ada, body).header("Idempotency-Key", key).send();
                        }));
                answers = List.of(racing.get(0).get(), racing.get(1).get());
            }

            assertThat(answers).as("round %d", round).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(201));
            assertThat(answers.get(1).body()).as("round %d", round).isEqualTo(answers.get(0).body());
            assertThat(ordersOf(ada)).as("round %d", round).isEqualTo(round + 1);
            assertThat(INVENTORY.available(tea)).as("round %d: reserved once", round).isEqualTo(100 - 3 * (round + 1));
            // cancelled so that the rounds stay under the pending cap
            api.put("/api/orders/" + answers.getFirst().json().get("orderId").asString() + "/cancel")
                    .bearer(ada.token()).send();
        }
        assertThat(idempotencyKeysOf(ada)).isEqualTo(ROUNDS);
        assertThat(count("SELECT count(*) FROM event_outbox WHERE event_type = 'OrderPlaced' AND body LIKE ?",
                "%" + ada.id() + "%")).as("one OrderPlaced per key").isEqualTo(ROUNDS);
    }
}
