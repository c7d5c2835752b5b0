package com.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.amqp.CapturedMessage;
import com.emporium.test.amqp.EventCapture;
import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Paying an order: the happy path, declines, the refusals that charge nothing, idempotency and races. */
class PaymentIT extends PaymentServiceIT {

    @Test
    void chargesTheOrdersAmountAndPublishesPaymentSucceeded() {
        Person ada = customer();
        UUID order = order(ada);
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "payment.*")) {
            ApiResponse paid = pay(ada, order, "tok_visa", key()).send();

            assertThat(paid.status()).isEqualTo(201);
            JsonNode payment = paid.json();
            assertThat(payment.get("status").asString()).isEqualTo("succeeded");
            assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("25.00");
            assertThat(payment.get("currency").asString()).isEqualTo("USD");
            assertThat(payment.get("card").get("last4").asString()).isEqualTo("4242");
            assertThat(payment.get("refund").isNull()).isTrue();
            assertThat(paid.header("Location")).contains("/api/payments/" + payment.get("id").asString());
            UUID id = UUID.fromString(payment.get("id").asString());
            assertThat(SANDBOX.chargesFor(id)).isOne();

            CapturedMessage message = events.awaitMatching(m -> Events.is(m, "PaymentSucceeded", order), PATIENCE);
            JsonNode event = Events.payload(message);
            assertThat(event.get("paymentId").asString()).isEqualTo(id.toString());
            assertThat(event.get("customerId").asString()).isEqualTo(ada.id().toString());
            assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("25.00");
            assertThat(message.appId()).isEqualTo("payment-service");
        }
    }

    @Test
    void aDeclineAnswers402AndPublishesPaymentFailedThenAnotherCardPays() {
        Person ada = customer();
        UUID order = order(ada);
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "payment.*")) {
            ApiResponse declined = pay(ada, order, "tok_insufficient_funds", key()).send();

            assertThat(declined.status()).isEqualTo(402);
            assertThat(declined.json().get("type").asString()).isEqualTo("urn:problem:emporium:payment-declined");
            assertThat(declined.json().get("declineCode").asString()).isEqualTo("insufficient-funds");
            JsonNode failed = Events.payload(
                    events.awaitMatching(m -> Events.is(m, "PaymentFailed", order), PATIENCE));
            assertThat(failed.get("reason").asString()).isEqualTo("insufficient-funds");

            ApiResponse paid = pay(ada, order, "tok_visa", key()).send();

            assertThat(paid.status()).isEqualTo(201);
        }
        assertThat(paymentsOf(order)).isEqualTo(2);
    }

    @Test
    void theSameKeyAnswersThePaymentAgainAndAnotherBodyIsRefused() {
        Person ada = customer();
        UUID order = order(ada);
        String key = key();
        ApiResponse first = pay(ada, order, "tok_visa", key).send();

        ApiResponse again = pay(ada, order, "tok_visa", key).send();
        ApiResponse other = pay(ada, order, "tok_mastercard", key).send();

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().get("type").asString()).isEqualTo("urn:problem:emporium:idempotency-key-reused");
        assertThat(SANDBOX.chargesFor(UUID.fromString(first.json().get("id").asString()))).isOne();
    }

    @Test
    void refusesOrdersThatCannotBePaidAndChargesNothing() {
        Person ada = customer();
        Instant later = Instant.now().plus(Duration.ofMinutes(15));
        UUID confirmed = ORDERS.order(ada.id(), "10.00", "confirmed", later);
        UUID cancelled = ORDERS.order(ada.id(), "10.00", "cancelled", later);
        UUID overdue = ORDERS.order(ada.id(), "10.00", "pending", Instant.now().minusSeconds(1));
        UUID others = order(customer());
        int attempts = SANDBOX.chargeAttempts();

        ApiResponse paid = pay(ada, confirmed, "tok_visa", key()).send();
        ApiResponse gone = pay(ada, cancelled, "tok_visa", key()).send();
        ApiResponse late = pay(ada, overdue, "tok_visa", key()).send();
        ApiResponse unknown = pay(ada, UUID.randomUUID(), "tok_visa", key()).send();
        ApiResponse notMine = pay(ada, others, "tok_visa", key()).send();

        assertThat(paid.status()).isEqualTo(409);
        assertThat(paid.json().get("type").asString()).isEqualTo("urn:problem:emporium:order-already-paid");
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.json().get("type").asString()).isEqualTo("urn:problem:emporium:order-cancelled");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).isEqualTo("urn:problem:emporium:payment-window-closed");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:problem:emporium:order-not-found");
        assertThat(notMine.status()).isEqualTo(404);
        assertThat(notMine.json().get("type").asString()).isEqualTo("urn:problem:emporium:order-not-found");
        assertThat(SANDBOX.chargeAttempts()).isEqualTo(attempts);
    }

    @Test
    void aPaidOrderIsNotChargedAgain() {
        Person ada = customer();
        UUID order = order(ada);
        pay(ada, order, "tok_visa", key()).send();

        ApiResponse again = pay(ada, order, "tok_visa", key()).send();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:problem:emporium:order-already-paid");
    }

    @Test
    void refusesSmuggledFieldsAndMalformedRequestsAndChargesNothing() {
        Person ada = customer();
        UUID order = order(ada);
        int attempts = SANDBOX.chargeAttempts();

        ApiResponse amount = pay(ada, Map.of("orderId", order, "paymentToken", "tok_visa", "amount", 0.01,
                "number", "4242424242424242"), key()).send();
        ApiResponse cardAsToken = pay(ada, order, "4242424242424242", key()).send();
        ApiResponse noKey = api.post("/api/payments").bearer(ada.token())
                .json(Map.of("orderId", order, "paymentToken", "tok_visa")).send();
        ApiResponse noToken = api.post("/api/payments").json(Map.of("orderId", order, "paymentToken", "tok_visa"))
                .header("Idempotency-Key", key()).send();
        ApiResponse unknownToken = pay(ada, order, "tok_unknown", key()).send();

        assertThat(amount.status()).isEqualTo(400);
        assertThat(amount.json().get("type").asString()).isEqualTo("urn:problem:emporium:unexpected-field");
        assertThat(amount.body()).contains("amount", "number").doesNotContain("4242424242424242", "0.01");
        assertThat(cardAsToken.status()).isEqualTo(400);
        assertThat(cardAsToken.json().get("errors").get(0).get("field").asString()).isEqualTo("paymentToken");
        assertThat(cardAsToken.body()).doesNotContain("4242424242424242");
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.json().get("type").asString()).isEqualTo("urn:problem:emporium:idempotency-key-required");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(unknownToken.status()).isEqualTo(400);
        assertThat(SANDBOX.chargeAttempts()).isEqualTo(attempts + 1);
        assertThat(paymentsOf(order)).isZero();
    }

    /** 100 lines of 1000 units can pass the provider's limit: not the customer's token's fault. */
    @Test
    void anAmountTheProviderDoesNotTakeIsNotBlamedOnTheToken() {
        Person ada = customer();
        UUID order = ORDERS.order(ada.id(), "1000000.01", "pending", Instant.now().plus(Duration.ofMinutes(15)));
        int attempts = SANDBOX.chargeAttempts();

        ApiResponse refused = pay(ada, order, "tok_visa", key()).send();

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:emporium:amount-not-payable");
        assertThat(SANDBOX.chargeAttempts() - attempts).isOne();
        assertThat(SANDBOX.charges().stream().filter(c -> c.get("description").equals("order " + order))).isEmpty();
        assertThat(paymentsOf(order)).isZero();
    }

    @Test
    void aRequestTheProviderRefusesForAnotherFieldIsADefectAndChargesNothing() {
        Person ada = customer();
        UUID order = order(ada);
        SANDBOX.refuseChargesNaming("description");

        ApiResponse refused = pay(ada, order, "tok_visa", key()).send();

        assertThat(refused.status()).isEqualTo(500);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:emporium:internal");
        assertThat(refused.body()).doesNotContain("paymentToken");
        assertThat(paymentsOf(order)).isZero();
        SANDBOX.behave();
        assertThat(pay(ada, order, "tok_visa", key()).send().status()).isEqualTo(201);
    }

    @Test
    void concurrentPaymentsOfOneOrderChargeItOnce() throws Exception {
        Person ada = customer();
        UUID order = order(ada);
        List<Callable<Integer>> payers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            payers.add(() -> pay(ada, order, "tok_visa", key()).send().status());
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Integer> status : threads.invokeAll(payers)) {
                statuses.add(status.get());
            }
        }

        assertThat(statuses).containsOnlyOnce(201).allMatch(status -> status == 201 || status == 409);
        assertThat(SANDBOX.charges().stream().filter(c -> c.get("description").equals("order " + order)).count())
                .isOne();
        assertThat(count("SELECT count(*) FROM payments WHERE order_id = ? AND status = 'succeeded'", order)).isOne();
    }

    /** The first request may yet forget its payment (provider unreachable): a replay meanwhile gets no id to follow. */
    @Test
    void aReplayWhileTheFirstRequestIsChargingAnswers409() throws Exception {
        Person ada = customer();
        UUID order = order(ada);
        String key = key();
        SANDBOX.answerLate(READ_TIMEOUT.dividedBy(2));
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<ApiResponse> first = threads.submit(() -> pay(ada, order, "tok_visa", key).send());
            await().pollInterval(Duration.ofMillis(5)).atMost(PATIENCE).until(() -> paymentsOf(order) == 1);

            ApiResponse replay = pay(ada, order, "tok_visa", key).send();

            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.json().get("type").asString()).isEqualTo("urn:problem:emporium:payment-in-progress");
            assertThat(replay.header("Location")).isEmpty();
            assertThat(first.get().status()).isEqualTo(201);
        }
        ApiResponse settled = pay(ada, order, "tok_visa", key).send();
        assertThat(settled.status()).isEqualTo(201);
        assertThat(settled.header("Idempotent-Replayed")).contains("true");
    }

    @Test
    void aProviderThatAsksToRetryLaterIsAskedAgain() {
        Person ada = customer();
        UUID order = order(ada);
        SANDBOX.retryLater(1);
        int attempts = SANDBOX.chargeAttempts();

        ApiResponse paid = pay(ada, order, "tok_visa", key()).send();

        assertThat(paid.status()).isEqualTo(201);
        assertThat(SANDBOX.chargeAttempts() - attempts).isEqualTo(2);
    }

    /** Slow 503s: a third attempt would overrun the charge budget (and the gateway's patience), so none starts. */
    @Test
    void noRetryStartsOnceTheChargeBudgetCannotHoldIt() {
        Person ada = customer();
        UUID order = order(ada);
        SANDBOX.retryLaterSlowly(2, Duration.ofMillis(300));
        int attempts = SANDBOX.chargeAttempts();
        long started = System.nanoTime();

        ApiResponse refused = pay(ada, order, "tok_visa", key()).send();

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("type").asString())
                .isEqualTo("urn:problem:emporium:payment-provider-unavailable");
        assertThat(SANDBOX.chargeAttempts() - attempts).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(CHARGE_BUDGET.plusMillis(500));
        assertThat(paymentsOf(order)).isZero();
    }

    @Test
    void aLostAnswerIsProcessingUntilTheResolverFindsTheCharge() {
        Person ada = customer();
        UUID order = order(ada);
        SANDBOX.answerLate(READ_TIMEOUT.multipliedBy(3));
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "payment.*")) {
            String key = key();
            ApiResponse pending = pay(ada, order, "tok_visa", key).send();

            assertThat(pending.status()).isEqualTo(202);
            assertThat(pending.json().get("status").asString()).isEqualTo("processing");
            UUID id = UUID.fromString(pending.json().get("id").asString());
            ApiResponse replay = pay(ada, order, "tok_visa", key).send();
            assertThat(replay.status()).isIn(201, 409);
            assertThat(pay(ada, order, "tok_visa", key()).send().status()).isEqualTo(409);

            await().atMost(PATIENCE).until(() -> statusOf(id).equals("succeeded"));
            events.awaitMatching(m -> Events.is(m, "PaymentSucceeded", order), PATIENCE);
            assertThat(SANDBOX.chargesFor(id)).isOne();
            SANDBOX.behave();
            ApiResponse read = api.get("/api/payments/" + id).bearer(ada.token()).send();
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("status").asString()).isEqualTo("succeeded");
        }
    }

    /** The oldest payment cannot be recorded (its charge's card is garbled): the younger one is resolved anyway. */
    @Test
    void aPaymentThatCannotBeResolvedDoesNotHoldUpTheOthers() {
        Person ada = customer();
        UUID stuckOrder = order(ada);
        UUID order = order(ada);
        SANDBOX.answerLate(READ_TIMEOUT.multipliedBy(3));
        SANDBOX.garbleLookupsOf("tok_garbled");
        UUID stuck = UUID.fromString(pay(ada, stuckOrder, "tok_garbled", key()).send().json().get("id").asString());
        UUID id = UUID.fromString(pay(ada, order, "tok_visa", key()).send().json().get("id").asString());

        await().atMost(PATIENCE).until(() -> statusOf(id).equals("succeeded"));
        assertThat(statusOf(stuck)).isEqualTo("processing");
        assertThat(count("SELECT resolve_attempts FROM payments WHERE id = ?", stuck)).isPositive();

        SANDBOX.behave();
        await().atMost(PATIENCE).until(() -> statusOf(stuck).equals("succeeded"));
    }

    @Test
    void aChargeTheProviderNeverReceivedFailsAfterTheAbandonWindow() {
        Person ada = customer();
        UUID order = order(ada);
        SANDBOX.loseCharges(READ_TIMEOUT.multipliedBy(2));
        String key = key();
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "payment.*")) {
            ApiResponse pending = pay(ada, order, "tok_visa", key).send();
            UUID id = UUID.fromString(pending.json().get("id").asString());
            SANDBOX.behave();

            await().atMost(PATIENCE).until(() -> statusOf(id).equals("failed"));
            JsonNode failed = Events.payload(events.awaitMatching(m -> Events.is(m, "PaymentFailed", order),
                    PATIENCE));
            assertThat(failed.get("reason").asString()).isEqualTo("charge-not-received");
            assertThat(SANDBOX.chargesFor(id)).isZero();

            ApiResponse replay = pay(ada, order, "tok_visa", key).send();
            assertThat(replay.status()).isEqualTo(402);
            assertThat(replay.json().get("type").asString()).isEqualTo("urn:problem:emporium:charge-not-received");
            assertThat(replay.json().get("paymentId").asString()).isEqualTo(id.toString());
            assertThat(replay.json().has("declineCode")).isFalse();
            assertThat(replay.header("Idempotent-Replayed")).contains("true");
        }
    }

    @Test
    void anUnreachableProviderAnswers503AndStoresNothingUntilTheBreakerOpens() {
        Person ada = customer();
        UUID order = order(ada);
        SANDBOX.stop();

        for (int i = 0; i < BREAKER_CALLS + 1; i++) {
            ApiResponse refused = pay(ada, order, "tok_visa", key()).send();
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("type").asString())
                    .isEqualTo("urn:problem:emporium:payment-provider-unavailable");
            assertThat(refused.header("Retry-After")).isPresent();
        }

        assertThat(breakers.circuitBreaker("payment-provider").getState().name()).isEqualTo("OPEN");
        assertThat(paymentsOf(order)).isZero();
        SANDBOX.behave();
        assertThat(pay(ada, order, "tok_visa", key()).send().status()).isEqualTo(503);
    }

    @Test
    void anUnreachableOrderServiceAnswers503() {
        Person ada = customer();
        UUID order = order(ada);
        ORDERS.stop();

        ApiResponse refused = pay(ada, order, "tok_visa", key()).send();

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:problem:emporium:order-service-unavailable");
    }

    @Test
    void aCustomerReadsOnlyTheirOwnPayments() {
        Person ada = customer();
        UUID order = order(ada);
        String id = pay(ada, order, "tok_visa", key()).send().json().get("id").asString();

        ApiResponse mine = api.get("/api/payments").query("orderId", order).bearer(ada.token()).send();
        ApiResponse others = api.get("/api/payments/" + id).bearer(customer().token()).send();
        ApiResponse anonymous = api.get("/api/payments").send();

        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.json().get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(others.status()).isEqualTo(404);
        assertThat(anonymous.status()).isEqualTo(401);
    }
}
