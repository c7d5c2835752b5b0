package com.emporium.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.amqp.EventCapture;
import com.emporium.test.http.ApiResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The admin routes: every payment, refunds by hand, and the dead letters of the order events. */
class AdminIT extends PaymentServiceIT {

    @Test
    void anAdminListsEveryPaymentAndRefundsACharge() {
        Person ada = customer();
        UUID order = order(ada);
        String id = pay(ada, order, "tok_visa", key()).send().json().get("id").asString();
        String boss = admin();
        try (EventCapture events = EventCapture.bind(BROKER, EXCHANGE, "payment.refunded")) {
            ApiResponse list = api.get("/api/payments/admin/payments").query("customerId", ada.id())
                    .query("status", "succeeded").bearer(boss).send();
            ApiResponse refund = api.post("/api/payments/admin/payments/" + id + "/refund").bearer(boss).send();
            ApiResponse again = api.post("/api/payments/admin/payments/" + id + "/refund").bearer(boss).send();
            ApiResponse unknown = api.post("/api/payments/admin/payments/" + UUID.randomUUID() + "/refund")
                    .bearer(boss).send();

            assertThat(list.status()).isEqualTo(200);
            assertThat(list.json().get("items").get(0).get("id").asString()).isEqualTo(id);
            assertThat(refund.status()).isEqualTo(202);
            assertThat(refund.json().get("refund").get("reason").asString()).isEqualTo("admin");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().get("type").asString()).isEqualTo("urn:problem:emporium:not-refundable");
            assertThat(unknown.status()).isEqualTo(404);
            JsonNode refunded = Events.payload(events.awaitMatching(m -> Events.is(m, "PaymentRefunded", order),
                    PATIENCE));
            assertThat(refunded.get("reason").asString()).isEqualTo("admin");
        }
        await().atMost(PATIENCE).until(() -> api.get("/api/payments/admin/payments").query("orderId", order)
                .query("status", "refunded").bearer(boss).send().json().get("totalItems").asInt() == 1);
    }

    @Test
    void customersAreKeptOutAndBadFiltersRefused() {
        ApiResponse customer = api.get("/api/payments/admin/payments").bearer(customer().token()).send();
        ApiResponse letters = api.get("/api/payments/admin/dead-letters").bearer(customer().token()).send();
        ApiResponse badStatus = api.get("/api/payments/admin/payments").query("status", "lost").bearer(admin()).send();

        assertThat(customer.status()).isEqualTo(403);
        assertThat(letters.status()).isEqualTo(403);
        assertThat(badStatus.status()).isEqualTo(400);
    }

    @Test
    void anOrderEventThatCannotBeHandledIsDeadLetteredShownReplayedAndDiscarded() throws Exception {
        String boss = admin();
        UUID order = UUID.randomUUID();
        OrderEventsPublisher.Event poison = OrderEventsPublisher.placed(order, UUID.randomUUID(), "5.00");
        poison.payload().remove("totalAmount");
        try (OrderEventsPublisher publisher = new OrderEventsPublisher(BROKER)) {
            publisher.publish(poison);
        }

        String id = awaitLetter(boss, order);
        ApiResponse letter = api.get("/api/payments/admin/dead-letters/" + id).bearer(boss).send();
        ApiResponse replayed = api.post("/api/payments/admin/dead-letters/" + id + "/replay").bearer(boss).send();
        String again = awaitLetter(boss, order);
        ApiResponse discarded = api.delete("/api/payments/admin/dead-letters/" + again).bearer(boss).send();

        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.json().get("letter").get("queue").asString()).isEqualTo("payment-service.orders");
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(discarded.status()).isEqualTo(204);
    }

    private String awaitLetter(String boss, UUID order) {
        return await().atMost(PATIENCE).until(() -> {
            for (JsonNode letter : api.get("/api/payments/admin/dead-letters").bearer(boss).send().json().get("items")) {
                if (order.toString().equals(letter.get("aggregateId").asString())) {
                    return letter.get("id").asString();
                }
            }
            return null;
        }, java.util.Objects::nonNull);
    }

    @Test
    void deadLettersAreServedUnderThePaymentsArea() {
        String boss = admin();
        String unknown = "/api/payments/admin/dead-letters/" + UUID.randomUUID();

        assertThat(api.get("/api/payments/admin/dead-letters").bearer(boss).send().status()).isEqualTo(200);
        assertThat(api.post("/api/payments/admin/dead-letters/replay").bearer(boss).send().status()).isEqualTo(200);
        assertThat(api.get(unknown).bearer(boss).send().status()).isEqualTo(404);
        assertThat(api.delete(unknown).bearer(boss).send().status()).isEqualTo(404);
        assertThat(api.post(unknown + "/replay").bearer(boss).send().status()).isEqualTo(404);
    }
}
