package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.http.ApiResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Payment events order-service cannot act on are dead-lettered and listed for an admin under
 * {@code /api/orders/admin/dead-letters}, who replays them once the cause is fixed, or discards them.
 */
class DeadLetterIT extends OrderServiceIT {

    static final String DEAD_LETTERS = "/api/orders/admin/dead-letters";
    private static final PaymentEvents PAYMENTS = new PaymentEvents(BROKER);

    @AfterAll
    static void closePublisher() {
        PAYMENTS.close();
    }

    @Test
    void aDeadLetteredPaymentConfirmsItsOrderWhenReplayedOnceTheCauseIsFixed() {
        String admin = admin().token();
        UUID order = placed(customer());
        // a fault in the order's total (fixed by hand below) makes the payment look wrong, so it is dead-lettered
        jdbc.update("UPDATE orders SET total_amount = total_amount + 1 WHERE id = ?", order);
        UUID eventId = PAYMENTS.succeeded(order, UUID.randomUUID(), "12.50");
        JsonNode letter = awaitLetter(eventId);
        assertThat(letter.get("queue").asString()).isEqualTo("order-service.payments");
        assertThat(letter.get("eventType").asString()).isEqualTo("PaymentSucceeded");
        assertThat(letter.get("aggregateId").asString()).isEqualTo(order.toString());
        String path = DEAD_LETTERS + "/" + letter.get("id").asString();
        ApiResponse detail = api.get(path).bearer(admin).send();
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("event").get("payload").get("orderId").asString()).isEqualTo(order.toString());

        jdbc.update("UPDATE orders SET total_amount = total_amount - 1 WHERE id = ?", order);
        ApiResponse replayed = api.post(path + "/replay").bearer(admin).send();

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isOne();
        await().atMost(PATIENCE).until(() -> statusOf(order).equals("confirmed"));
        assertThat(api.get(path).bearer(admin).send().status()).isEqualTo(404);
    }

    @Test
    void replayingAllReplaysEveryLetterAndADiscardedOneIsGone() {
        String admin = admin().token();
        String first = awaitLetter(PAYMENTS.succeeded(UUID.randomUUID(), UUID.randomUUID(), "1.00")).get("id")
                .asString();
        awaitLetter(PAYMENTS.succeeded(UUID.randomUUID(), UUID.randomUUID(), "1.00"));

        ApiResponse discarded = api.delete(DEAD_LETTERS + "/" + first).bearer(admin).send();
        ApiResponse replayed = api.post(DEAD_LETTERS + "/replay").bearer(admin).send();

        assertThat(discarded.status()).isEqualTo(204);
        assertThat(api.get(DEAD_LETTERS + "/" + first).bearer(admin).send().status()).isEqualTo(404);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aReplayWhileTheBrokerIsUnreachableIsRefusedAndTheLetterKept() {
        String admin = admin().token();
        String id = awaitLetter(PAYMENTS.succeeded(UUID.randomUUID(), UUID.randomUUID(), "1.00")).get("id")
                .asString();

        ApiResponse one;
        ApiResponse all;
        BROKER_LINK.cut();
        try {
            one = api.post(DEAD_LETTERS + "/" + id + "/replay").bearer(admin).send();
            all = api.post(DEAD_LETTERS + "/replay").bearer(admin).send();
        } finally {
            BROKER_LINK.restore();
        }

        assertThat(one.status()).isEqualTo(503);
        assertThat(one.header("Retry-After")).isPresent();
        assertThat(all.status()).isEqualTo(503);
        assertThat(api.get(DEAD_LETTERS + "/" + id).bearer(admin).send().status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsReachTheDeadLettersAndBadIdsAreRefused() {
        String customer = customer().token();
        String admin = admin().token();
        String letter = DEAD_LETTERS + "/" + UUID.randomUUID();

        assertThat(api.get(DEAD_LETTERS).send().status()).isEqualTo(401);
        assertThat(api.get(DEAD_LETTERS).bearer(customer).send().status()).isEqualTo(403);
        assertThat(api.get(letter).send().status()).isEqualTo(401);
        assertThat(api.get(letter).bearer(customer).send().status()).isEqualTo(403);
        assertThat(api.delete(letter).send().status()).isEqualTo(401);
        assertThat(api.delete(letter).bearer(customer).send().status()).isEqualTo(403);
        assertThat(api.post(letter + "/replay").send().status()).isEqualTo(401);
        assertThat(api.post(letter + "/replay").bearer(customer).send().status()).isEqualTo(403);
        assertThat(api.post(DEAD_LETTERS + "/replay").send().status()).isEqualTo(401);
        assertThat(api.post(DEAD_LETTERS + "/replay").bearer(customer).send().status()).isEqualTo(403);
        assertThat(api.get(letter).bearer(admin).send().status()).isEqualTo(404);
        assertThat(api.post(letter + "/replay").bearer(admin).send().status()).isEqualTo(404);
        assertThat(api.delete(letter).bearer(admin).send().status()).isEqualTo(404);
        assertThat(api.get(DEAD_LETTERS + "/not-a-uuid").bearer(admin).send().status()).isEqualTo(400);
        assertThat(api.post(DEAD_LETTERS + "/not-a-uuid/replay").bearer(admin).send().status()).isEqualTo(400);
        assertThat(api.delete(DEAD_LETTERS + "/not-a-uuid").bearer(admin).send().status()).isEqualTo(400);
        assertThat(api.get(DEAD_LETTERS).query("page", -1).bearer(admin).send().status()).isEqualTo(400);
    }

    private JsonNode awaitLetter(UUID eventId) {
        return await().atMost(PATIENCE).until(() -> findLetter(eventId.toString()), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<JsonNode> findLetter(String messageId) {
        ApiResponse page = api.get(DEAD_LETTERS).query("size", 100).bearer(admin().token()).send();
        assertThat(page.status()).isEqualTo(200);
        for (JsonNode item : page.json().get("items")) {
            if (item.get("messageId").asString().equals(messageId)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
