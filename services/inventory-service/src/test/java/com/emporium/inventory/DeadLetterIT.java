package com.emporium.inventory;

import com.emporium.test.auth.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Order events inventory cannot act on are retried, then dead-lettered with their reason and listed for an admin
 * under {@code /api/inventory/admin/dead-letters}, who replays them once the cause is fixed, or discards them.
 */
class DeadLetterIT extends InventoryServiceIT {

    static final String DEAD_LETTERS = "/api/inventory/admin/dead-letters";
    private static final OrderEventsPublisher ORDERS = new OrderEventsPublisher(BROKER);

    private final String admin = TOKENS.admin();

    @AfterAll
    static void closePublisher() throws Exception {
        ORDERS.close();
    }

    @Test
    void aConfirmationOfAnOrderWithoutAReservationIsDeadLetteredListedAndReplayedOnceFixed() {
        UUID product = Catalog.withStock(api, 5);
        UUID orderId = UUID.randomUUID();

        UUID eventId = ORDERS.confirmed(orderId);

        JsonNode letter = awaitDeadLetter(eventId);
        assertThat(letter.get("attempts").asInt()).isEqualTo(MAX_ATTEMPTS);
        assertThat(letter.get("reason").asString()).contains("ReservationMissing", orderId.toString());
        assertThat(letter.get("queue").asString()).isEqualTo("inventory-service.orders");
        assertThat(letter.get("eventType").asString()).isEqualTo("OrderConfirmed");
        assertThat(letter.get("routingKey").asString()).isEqualTo("order.confirmed");
        assertThat(letter.get("aggregateId").asString()).isEqualTo(orderId.toString());
        String path = DEAD_LETTERS + "/" + letter.get("id").asString();
        ApiResponse detail = api.get(path).bearer(admin).send();
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.json().get("event").get("payload").get("orderId").asString()).isEqualTo(orderId.toString());

        assertThat(Reservations.reserve(api, orderId, product, 2).status()).isEqualTo(201);
        ApiResponse replayed = api.post(path + "/replay").bearer(admin).send();

        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isOne();
        awaitStatus(orderId, "committed");
        assertThat(stock(product)).isEqualTo(new StockRow(3, 0, 3));
        assertThat(api.get(path).bearer(admin).send().status()).isEqualTo(404);
    }

    @Test
    void aConfirmationWhoseLapsedStockWasSoldSinceIsDeadLetteredAndTakesNothing() {
        UUID product = Catalog.withStock(api, 2);
        UUID late = UUID.randomUUID();
        Reservations.reserve(api, late, product, 2);
        endHold(late);
        awaitStatus(late, "expired");
        assertThat(Reservations.reserve(api, UUID.randomUUID(), product, 2).status()).isEqualTo(201);

        UUID eventId = ORDERS.confirmed(late);

        JsonNode letter = awaitDeadLetter(eventId);
        assertThat(letter.get("reason").asString()).contains("StockGone", "no longer available");
        assertThat(reservationStatus(late)).isEqualTo("expired");
        assertThat(stock(product)).isEqualTo(new StockRow(2, 2, 0));
    }

    @Test
    void replayingAllReplaysEveryLetterAndADiscardedLetterIsGoneForGood() {
        UUID product = Catalog.withStock(api, 5);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID discarded = UUID.randomUUID();
        awaitDeadLetter(ORDERS.confirmed(first));
        awaitDeadLetter(ORDERS.confirmed(second));
        String discardedId = awaitDeadLetter(ORDERS.confirmed(discarded)).get("id").asString();

        ApiResponse discard = api.delete(DEAD_LETTERS + "/" + discardedId).bearer(admin).send();
        Reservations.reserve(api, first, product, 1);
        Reservations.reserve(api, second, product, 1);
        ApiResponse replayed = api.post(DEAD_LETTERS + "/replay").bearer(admin).send();

        assertThat(discard.status()).isEqualTo(204);
        assertThat(api.get(DEAD_LETTERS + "/" + discardedId).bearer(admin).send().status()).isEqualTo(404);
        assertThat(replayed.status()).isEqualTo(200);
        assertThat(replayed.json().get("replayed").asInt()).isGreaterThanOrEqualTo(2);
        awaitStatus(first, "committed");
        awaitStatus(second, "committed");
        assertThat(stock(product)).isEqualTo(new StockRow(3, 0, 3));
    }

    @Test
    void aReplayWhileTheBrokerIsUnreachableIsRefusedAndTheLetterKept() {
        UUID eventId = ORDERS.confirmed(UUID.randomUUID());
        String id = awaitDeadLetter(eventId).get("id").asString();

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
        assertThat(one.json().get("type").asString()).isEqualTo("urn:problem:emporium:service-unavailable");
        assertThat(all.status()).isEqualTo(503);
        assertThat(api.get(DEAD_LETTERS + "/" + id).bearer(admin).send().status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsReachTheDeadLetters() {
        String customer = TOKENS.customer();
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
    }

    @Test
    void anUnknownLetterIsNotFoundAndABadIdOrPageIsRefused() {
        String unknown = DEAD_LETTERS + "/" + UUID.randomUUID();

        assertThat(api.get(unknown).bearer(admin).send().status()).isEqualTo(404);
        assertThat(api.post(unknown + "/replay").bearer(admin).send().status()).isEqualTo(404);
        assertThat(api.delete(unknown).bearer(admin).send().status()).isEqualTo(404);
        assertThat(api.get(DEAD_LETTERS + "/not-a-uuid").bearer(admin).send().status()).isEqualTo(400);
        assertThat(api.post(DEAD_LETTERS + "/not-a-uuid/replay").bearer(admin).send().status()).isEqualTo(400);
        assertThat(api.delete(DEAD_LETTERS + "/not-a-uuid").bearer(admin).send().status()).isEqualTo(400);
        assertThat(api.get(DEAD_LETTERS).query("page", -1).bearer(admin).send().status()).isEqualTo(400);
        assertThat(api.get(DEAD_LETTERS).query("sort", "reason").bearer(admin).send().status()).isEqualTo(400);
    }

    private JsonNode awaitDeadLetter(UUID eventId) {
        return await().atMost(PATIENCE).until(() -> findLetter(api, eventId.toString()), Optional::isPresent)
                .orElseThrow();
    }

    /** The dead letter of this message, among the newest hundred. */
    static Optional<JsonNode> findLetter(ApiClient api, String messageId) {
        ApiResponse page = api.get(DEAD_LETTERS).query("size", 100).bearer(TestTokens.shared().admin()).send();
        assertThat(page.status()).isEqualTo(200);
        for (JsonNode item : page.json().get("items")) {
            if (item.get("messageId").asString().equals(messageId)) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
