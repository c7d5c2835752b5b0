package com.emporium.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IdempotencyIT extends PaymentSandboxIT {

    @Test
    void answersTheSameKeyAndRequestWithTheFirstAnswerAndChargesOnce() {
        String key = UUID.randomUUID().toString();
        String body = Charges.request("tok_visa", "15.00", "pay-" + key);

        ApiResponse first = charge(key, body);
        ApiResponse again = charge(key, """
                { "currency" : "USD", "amount": 15.0, "description": "order 42", "reference": "pay-%s",
                  "token": "tok_visa" }
                """.formatted(key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.json().get("idempotencyKey").asString()).isEqualTo(key);
        assertThat(chargeRows(key)).isEqualTo(1);
    }

    @Test
    void replaysADeclineAsA402() {
        String key = UUID.randomUUID().toString();
        String body = Charges.request("tok_insufficient_funds", "15.00", "pay-" + key);

        ApiResponse first = charge(key, body);
        ApiResponse again = charge(key, body);

        assertThat(first.status()).isEqualTo(402);
        assertThat(again.status()).isEqualTo(402);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("charge")).isEqualTo(first.json().get("charge"));
        assertThat(chargeRows(key)).isEqualTo(1);
    }

    @Test
    void refusesTheSameKeyWithAnotherRequest() {
        String key = UUID.randomUUID().toString();
        charge(key, Charges.request("tok_visa", "15.00", "pay-" + key));

        ApiResponse reused = charge(key, Charges.request("tok_visa", "16.00", "pay-" + key));

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("type").asString()).isEqualTo("urn:problem:sandbox:idempotency-key-reused");
        assertThat(chargeRows(key)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT amount FROM charges WHERE idempotency_key = ?", Long.class, key))
                .isEqualTo(1500);
    }

    @Test
    void requiresAnIdempotencyKeyOfVisibleAscii() {
        String body = Charges.request("tok_visa", "1.00", "no-key");

        ApiResponse missing = merchant(api.post("/v1/charges")).json(body).send();
        ApiResponse spaces = charge("has spaces", body);
        ApiResponse tooLong = charge("k".repeat(256), body);

        for (ApiResponse refused : List.of(missing, spaces, tooLong)) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().get("type").asString())
                    .isEqualTo("urn:problem:sandbox:idempotency-key-required");
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        }
        assertThat(charge("k".repeat(255), body).status()).isEqualTo(201);
    }

    @Test
    void twentyConcurrentRequestsWithOneKeyMakeExactlyOneCharge() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Charges.request("tok_visa", "42.00", "race-" + key);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> answers = new ArrayList<>();

        try (ExecutorService clients = Executors.newFixedThreadPool(20)) {
            for (int i = 0; i < 20; i++) {
                answers.add(clients.submit(() -> {
                    start.await();
                    return charge(key, body);
                }));
            }
            start.countDown();
        }

        List<ApiResponse> responses = new ArrayList<>();
        for (Future<ApiResponse> answer : answers) {
            responses.add(answer.get());
        }
        assertThat(responses).allSatisfy(response -> assertThat(response.status()).isEqualTo(201));
        assertThat(responses.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
        assertThat(responses.stream().filter(r -> r.header("Idempotent-Replayed").isEmpty())).hasSize(1);
        assertThat(chargeRows(key)).isEqualTo(1);
    }

    @Test
    void retriesLaterCardAnswers503ThenChargesWithTheSameKey() {
        String key = UUID.randomUUID().toString();
        String body = Charges.request("tok_retry_later", "8.00", "retry-" + key);

        ApiResponse first = charge(key, body);

        assertThat(first.status()).isEqualTo(503);
        assertThat(first.header("Retry-After")).contains("1");
        assertThat(first.json().get("type").asString()).isEqualTo("urn:problem:sandbox:retry-later");
        assertThat(chargeRows(key)).isZero();

        ApiResponse second = charge(key, body);
        ApiResponse third = charge(key, body);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEmpty();
        assertThat(third.status()).isEqualTo(201);
        assertThat(third.header("Idempotent-Replayed")).contains("true");
        assertThat(chargeRows(key)).isEqualTo(1);
        assertThat(charge(UUID.randomUUID().toString(), body).status()).as("each key has its own attempts")
                .isEqualTo(503);
    }

    @Test
    void timeoutCardCommitsTheChargeBeforeItAnswersAndAReplayAnswersAtOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Charges.request("tok_timeout", "9.00", "slow-" + key);

        try (ExecutorService client = Executors.newSingleThreadExecutor()) {
            long started = System.nanoTime();
            Future<ApiResponse> late = client.submit(() -> charge(key, body));

            org.awaitility.Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> chargeRows(key) == 1);
            assertThat(late).as("the charge is in the ledger before the answer comes").isNotDone();
            long replayStarted = System.nanoTime();
            ApiResponse replay = charge(key, body);
            Duration replayTook = Duration.ofNanos(System.nanoTime() - replayStarted);

            assertThat(replay.status()).isEqualTo(201);
            assertThat(replay.header("Idempotent-Replayed")).contains("true");
            assertThat(replayTook).isLessThan(SLOW_DELAY);
            ApiResponse answer = late.get();
            assertThat(answer.status()).isEqualTo(201);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(SLOW_DELAY);
            assertThat(answer.json().get("id")).isEqualTo(replay.json().get("id"));
        }
    }
}
