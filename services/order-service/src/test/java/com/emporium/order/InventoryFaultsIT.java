package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.http.ApiResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * inventory-service down, slow, crashing or failing: the caller gets 503 with {@code Retry-After} within a bounded
 * time and nothing is stored; passing trouble is absorbed by retries; a breaker stops the asking.
 */
class InventoryFaultsIT extends OrderServiceIT {

    /** The read timeout of each attempt, and the longest all attempts together may take. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration ALL_ATTEMPTS = READ_TIMEOUT.multipliedBy(ATTEMPTS).plusSeconds(2);

    @Test
    void answers503AndStoresNothingWhileInventoryRefusesConnections() {
        Person ada = customer();
        UUID tea = product();
        INVENTORY.stop();

        ApiResponse response = place(ada, OrderRequests.of(tea, 1)).send();

        assertUnavailable(response, "2");
        assertNothingStoredFor(ada);
        INVENTORY.behave();
        assertThat(place(ada, OrderRequests.of(tea, 1)).send().status()).as("once it is back").isEqualTo(201);
    }

    @Test
    void answers503AndStoresNothingWhenInventoryAnswersTooSlowly() {
        Person ada = customer();
        int before = INVENTORY.reserveRequests();
        INVENTORY.hang();

        long started = System.nanoTime();
        ApiResponse response = place(ada, OrderRequests.of(product(), 1)).send();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertUnavailable(response, "2");
        assertThat(INVENTORY.reserveRequests() - before).as("each attempt timed out").isEqualTo(ATTEMPTS);
        assertThat(took).isGreaterThanOrEqualTo(READ_TIMEOUT.multipliedBy(ATTEMPTS)).isLessThan(ALL_ATTEMPTS);
        assertNothingStoredFor(ada);
    }

    @Test
    void answers503AndStoresNothingWhenInventoryDiesMidRequest() {
        Person ada = customer();
        int before = INVENTORY.reserveRequests();
        INVENTORY.dropConnections();

        ApiResponse response = place(ada, OrderRequests.of(product(), 1)).send();

        assertUnavailable(response, "2");
        assertThat(INVENTORY.reserveRequests() - before).isEqualTo(ATTEMPTS);
        assertNothingStoredFor(ada);
    }

    @Test
    void answers503AndStoresNothingWhenInventoryFails() {
        Person ada = customer();
        int before = INVENTORY.reserveRequests();
        INVENTORY.failWith(500);

        ApiResponse response = place(ada, OrderRequests.of(product(), 1)).send();

        assertUnavailable(response, "2");
        assertThat(INVENTORY.reserveRequests() - before).isEqualTo(ATTEMPTS);
        assertNothingStoredFor(ada);
    }

    @Test
    void retriesPassingFailuresUnderTheSameOrderIdAndPlacesTheOrder() {
        Person ada = customer();
        UUID tea = product();
        int before = INVENTORY.reserveRequests();
        INVENTORY.failNext(ATTEMPTS - 1);

        ApiResponse response = place(ada, OrderRequests.of(tea, 2)).send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(INVENTORY.reserveRequests() - before).isEqualTo(ATTEMPTS);
        assertThat(INVENTORY.available(tea)).as("reserved once").isEqualTo(98);
        assertThat(ordersOf(ada)).isOne();
    }

    @Test
    void stopsAskingAFailingInventoryWhileTheBreakerIsOpenAndRecoversAfter() {
        Person ada = customer();
        UUID tea = product();
        INVENTORY.failWith(503);
        boolean opened = false;
        for (int request = 0; request < 10 && !opened; request++) {
            int before = INVENTORY.reserveRequests();
            assertUnavailable(place(ada, OrderRequests.of(tea, 1)).send(), null);
            opened = INVENTORY.reserveRequests() - before < ATTEMPTS;
        }
        assertThat(opened).as("the breaker opens once half of the last 10 calls failed").isTrue();
        int asked = INVENTORY.reserveRequests();

        ApiResponse whileOpen = place(ada, OrderRequests.of(tea, 1)).send();

        assertUnavailable(whileOpen, "1");
        assertThat(INVENTORY.reserveRequests()).as("an open breaker does not ask").isEqualTo(asked);
        assertNothingStoredFor(ada);
        INVENTORY.behave();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> place(ada, OrderRequests.of(tea, 1)).send().status() == 201);
        assertThat(ordersOf(ada)).isOne();
    }

    @Test
    void answers503AtOnceWhileUserServiceGivesNoServiceTokenAndRecoversAfter() {
        Person ada = customer();
        UUID tea = product();
        placed(ada);
        USERS.failTokens(true);
        INVENTORY.refuseNextToken();
        int fetched = USERS.tokenRequests();

        ApiResponse refused = place(ada, OrderRequests.of(tea, 1)).send();

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isPresent();
        // every attempt of the checkout needed a token; the failed request is remembered, not repeated
        assertThat(USERS.tokenRequests() - fetched).isOne();
        assertThat(ordersOf(ada)).isOne();

        USERS.failTokens(false);

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> place(ada, OrderRequests.of(tea, 1)).send().status() == 201);
    }

    @Test
    void reusesItsServiceTokenAndFetchesANewOneWhenInventoryRefusesIt() {
        Person ada = customer();
        placed(ada);
        int fetched = USERS.tokenRequests();

        placed(ada);
        placed(ada);
        assertThat(USERS.tokenRequests()).as("the cached token serves").isEqualTo(fetched);
        INVENTORY.refuseNextToken();
        placed(ada);

        assertThat(USERS.tokenRequests()).as("a refused token is replaced").isEqualTo(fetched + 1);
        assertThat(ordersOf(ada)).isEqualTo(4);
    }

    @Test
    void releasesTheReservationAtOnceWhenStoringTheOrderFails() throws SQLException {
        Person ada = customer();
        UUID tea = product();
        Map<String, Object> body = failingOrder(tea);
        int released = INVENTORY.releaseRequests();

        ApiResponse response;
        failInsertsNamed("Fail Insert");
        try {
            response = api.unchecked().post("/api/orders").bearer(ada.token()).json(body).send();
        } finally {
            insertsSucceed();
        }

        assertThat(response.status()).isEqualTo(500);
        assertThat(INVENTORY.releaseRequests()).isEqualTo(released + 1);
        assertThat(INVENTORY.available(tea)).as("the stock is back").isEqualTo(100);
        assertNothingStoredFor(ada);
    }

    @Test
    void keepsTheReservationOfAKeyedRequestWhoseStoreFailedForItsRetry() throws SQLException {
        Person ada = customer();
        UUID tea = product();
        Map<String, Object> body = failingOrder(tea);
        String key = UUID.randomUUID().toString();
        int released = INVENTORY.releaseRequests();

        failInsertsNamed("Fail Insert");
        try {
            assertThat(api.unchecked().post("/api/orders").bearer(ada.token()).header("Idempotency-Key", key)
                    .json(body).send().status()).isEqualTo(500);
            assertThat(INVENTORY.available(tea)).as("still held for the retry").isEqualTo(99);
        } finally {
            insertsSucceed();
        }
        ApiResponse retried = place(ada, body).header("Idempotency-Key", key).send();

        assertThat(retried.status()).isEqualTo(201);
        assertThat(INVENTORY.releaseRequests()).isEqualTo(released);
        assertThat(INVENTORY.available(tea)).as("one reservation, reused").isEqualTo(99);
        assertThat(INVENTORY.reservationStatus(UUID.fromString(retried.json().get("orderId").asString())))
                .hasValue("held");
    }

    private static Map<String, Object> failingOrder(UUID productId) {
        Map<String, Object> body = OrderRequests.of(productId, 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("shippingAddress");
        address.put("name", "Fail Insert");
        return body;
    }

    /** Until {@link #insertsSucceed()}, storing an order for this addressee fails, after inventory reserved. */
    private static void failInsertsNamed(String name) throws SQLException {
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            sql.execute("""
                    CREATE OR REPLACE FUNCTION fail_insert() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                        IF NEW.ship_name = '%s' THEN RAISE EXCEPTION 'injected fault'; END IF;
                        RETURN NEW;
                    END $$""".formatted(name));
            sql.execute("CREATE TRIGGER fail_insert BEFORE INSERT ON orders FOR EACH ROW EXECUTE FUNCTION fail_insert()");
        }
    }

    private static void insertsSucceed() throws SQLException {
        try (Connection owner = DATABASE.connectAsOwner(); Statement sql = owner.createStatement()) {
            sql.execute("DROP TRIGGER fail_insert ON orders");
        }
    }

    private static void assertUnavailable(ApiResponse response, @Nullable String retryAfter) {
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:service-unavailable");
        if (retryAfter != null) {
            assertThat(response.header("Retry-After")).hasValue(retryAfter);
        }
    }

    private void assertNothingStoredFor(Person person) {
        assertThat(ordersOf(person)).as("orders").isZero();
        assertThat(outboxRowsOf(person)).as("events").isZero();
        assertThat(idempotencyKeysOf(person)).as("idempotency keys").isZero();
    }
}
