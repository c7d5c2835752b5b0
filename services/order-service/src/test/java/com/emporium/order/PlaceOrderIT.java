package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.http.ApiResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Placing an order: prices and total from inventory, the owner from the token, and bad input stores nothing. */
class PlaceOrderIT extends OrderServiceIT {

    @Test
    void placesAPendingOrderAtInventorysPricesOwnedByTheTokensSubject() {
        Person ada = customer();
        UUID tea = INVENTORY.product("Earl Grey", "4.25", 50);
        UUID pot = INVENTORY.product("Teapot", "19.99", 5);

        ApiResponse response = place(ada, OrderRequests.of(tea, 3, pot, 1)).send();

        assertThat(response.status()).isEqualTo(201);
        JsonNode order = response.json();
        String id = order.get("orderId").asString();
        assertThat(response.header("Location")).hasValue("/api/orders/" + id);
        assertThat(order.get("customerId").asString()).isEqualTo(ada.id().toString());
        assertThat(order.get("status").asString()).isEqualTo("pending");
        assertThat(order.get("items")).hasSize(2);
        assertThat(order.get("items").get(0).get("productId").asString()).isEqualTo(tea.toString());
        assertThat(order.get("items").get(0).get("sku").asString()).isEqualTo(INVENTORY.sku(tea));
        assertThat(order.get("items").get(0).get("name").asString()).isEqualTo("Earl Grey");
        assertThat(order.get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("4.25");
        assertThat(order.get("items").get(0).get("lineTotal").decimalValue()).isEqualByComparingTo("12.75");
        assertThat(order.get("items").get(1).get("unitPrice").decimalValue()).isEqualByComparingTo("19.99");
        assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("32.74");
        assertThat(order.get("currency").asString()).isEqualTo("USD");
        assertThat(order.get("shippingAddress").get("country").asString()).isEqualTo("GB");
        assertThat(java.time.Duration.between(java.time.Instant.parse(order.get("placedAt").asString()),
                java.time.Instant.parse(order.get("paymentDueBy").asString()))).hasMinutes(15);
        assertThat(INVENTORY.available(tea)).isEqualTo(47);
        assertThat(INVENTORY.reservationStatus(UUID.fromString(id))).hasValue("held");
        ApiResponse read = api.get("/api/orders/" + id).bearer(ada.token()).send();
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(order);
    }

    @Test
    void closesThePaymentWindowBeforeTheReservationsHoldEnds() {
        Person ada = customer();
        UUID tea = INVENTORY.product("Earl Grey", "4.25", 50);
        INVENTORY.hold(java.time.Duration.ofMinutes(10));

        ApiResponse response = place(ada, OrderRequests.of(tea, 1)).send();

        assertThat(response.status()).isEqualTo(201);
        java.time.Duration window = java.time.Duration.between(
                java.time.Instant.parse(response.json().get("placedAt").asString()),
                java.time.Instant.parse(response.json().get("paymentDueBy").asString()));
        // the hold (10 min) less the margin (1 min), not the 15-minute payment window
        assertThat(window).isBetween(java.time.Duration.ofSeconds(530), java.time.Duration.ofSeconds(540));
    }

    @Test
    void ignoresAUserIdPricesATotalAndAStatusInTheBody() {
        Person ada = customer();
        Person mallory = customer();
        UUID tea = INVENTORY.product("Earl Grey", "4.25", 50);
        Map<String, Object> body = OrderRequests.of(tea, 2);
        body.put("userId", mallory.id().toString());
        body.put("customerId", mallory.id().toString());
        body.put("totalAmount", 0.01);
        body.put("status", "delivered");
        @SuppressWarnings("unchecked")
        Map<String, Object> item = ((List<Map<String, Object>>) body.get("items")).getFirst();
        item.put("unitPrice", 0.01);

        ApiResponse response = place(ada, body).send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("customerId").asString()).isEqualTo(ada.id().toString());
        assertThat(response.json().get("status").asString()).isEqualTo("pending");
        assertThat(response.json().get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("4.25");
        assertThat(response.json().get("totalAmount").decimalValue()).isEqualByComparingTo("8.50");
        assertThat(ordersOf(mallory)).isZero();
    }

    @Test
    void relaysUnknownProductsNamingThemAndStoresNothing() {
        Person ada = customer();
        UUID known = product();
        UUID unknown = UUID.randomUUID();

        ApiResponse response = place(ada, OrderRequests.of(known, 1, unknown, 2)).send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:unknown-product");
        assertThat(response.json().get("productIds").get(0).asString()).isEqualTo(unknown.toString());
        assertThat(INVENTORY.available(known)).isEqualTo(100);
        assertNothingStoredFor(ada);
    }

    @Test
    void relaysInsufficientStockNamingEachShortLineAndStoresNothing() {
        Person ada = customer();
        UUID plenty = product();
        UUID scarce = INVENTORY.product("Last teapot", "19.99", 1);

        ApiResponse response = place(ada, OrderRequests.of(plenty, 2, scarce, 3)).send();

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:insufficient-stock");
        JsonNode line = response.json().get("lines").get(0);
        assertThat(response.json().get("lines")).hasSize(1);
        assertThat(line.get("productId").asString()).isEqualTo(scarce.toString());
        assertThat(line.get("requested").asInt()).isEqualTo(3);
        assertThat(line.get("available").asInt()).isEqualTo(1);
        assertThat(INVENTORY.available(plenty)).as("all or nothing").isEqualTo(100);
        assertNothingStoredFor(ada);
    }

    @Test
    void refusesAQuantityOfZeroOrLessOrOver1000NamingTheField() {
        Person ada = customer();
        int asked = INVENTORY.reserveRequests();

        for (int quantity : new int[] {0, -1, 1001}) {
            ApiResponse response = place(ada, OrderRequests.of(product(), quantity)).send();

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:validation");
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("items[0].quantity");
        }
        assertThat(INVENTORY.reserveRequests()).as("nothing is reserved for a bad request").isEqualTo(asked);
        assertNothingStoredFor(ada);
    }

    @Test
    void refusesMoreThan100ItemsAndNoItemsNamingItems() {
        Person ada = customer();
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            many.add(OrderRequests.item(UUID.randomUUID(), 1));
        }

        ApiResponse tooMany = place(ada, OrderRequests.with(many)).send();
        ApiResponse none = place(ada, OrderRequests.with(List.of())).send();

        assertThat(List.of(tooMany, none)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("items");
        });
        assertNothingStoredFor(ada);
    }

    @Test
    void refusesAnOrderOf10000LinesAsTooLargeBeforeReadingIt() {
        Person ada = customer();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            lines.add(OrderRequests.item(UUID.randomUUID(), 1));
        }

        ApiResponse response = place(ada, OrderRequests.with(lines)).send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:payload-too-large");
        assertNothingStoredFor(ada);
    }

    @Test
    void refusesAProductNamedTwice() {
        Person ada = customer();
        UUID tea = product();

        ApiResponse response = place(ada, OrderRequests.of(tea, 1, tea, 2)).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("items");
        assertNothingStoredFor(ada);
    }

    @Test
    void refusesAnIncompleteAddressOrAnUnknownCountryNamingTheFields() {
        Person ada = customer();
        Map<String, Object> body = OrderRequests.of(product(), 1);
        @SuppressWarnings("unchecked")
        Map<String, Object> address = (Map<String, Object>) body.get("shippingAddress");
        address.remove("city");
        address.put("line1", " ");
        address.put("country", "XX");
        address.put("postalCode", "x".repeat(21));

        ApiResponse response = place(ada, body).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly(
                "shippingAddress.city", "shippingAddress.country", "shippingAddress.line1",
                "shippingAddress.postalCode");
        assertNothingStoredFor(ada);
    }

    @Test
    void refusesABodyThatIsNotJson() {
        Person ada = customer();

        ApiResponse notJson = api.post("/api/orders").bearer(ada.token()).body("application/json", "{items: [").send();
        ApiResponse wrongType = place(ada, Map.of("items", "three teapots", "shippingAddress",
                OrderRequests.address())).send();
        ApiResponse notAUuid = place(ada, OrderRequests.with(List.of(Map.of("productId", "tea", "quantity", 1))))
                .send();
        ApiResponse noBody = api.post("/api/orders").bearer(ada.token()).body("application/json", "").send();

        assertThat(List.of(notJson, wrongType, notAUuid, noBody)).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:malformed-body");
        });
        assertThat(notAUuid.json().get("detail").asString()).contains("items[0].productId");
        assertNothingStoredFor(ada);
    }

    @Test
    void refusesABodyThatIsNotDeclaredJson() {
        Person ada = customer();

        ApiResponse response = api.post("/api/orders").bearer(ada.token())
                .body("text/plain", "3 teapots please").send();

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:unsupported-media-type");
        assertNothingStoredFor(ada);
    }

    @Test
    void refusesAnIdempotencyKeyThatIsTooLongOrNotPrintable() {
        Person ada = customer();

        for (String key : List.of("k".repeat(201), "tab\tbed", "   ")) {
            ApiResponse response = place(ada, OrderRequests.of(product(), 1)).header("Idempotency-Key", key).send();

            assertThat(response.status()).as(key).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        }
        assertNothingStoredFor(ada);
    }

    private void assertNothingStoredFor(Person person) {
        assertThat(ordersOf(person)).as("orders").isZero();
        assertThat(linesOf(person)).as("order lines").isZero();
        assertThat(outboxRowsOf(person)).as("events").isZero();
        assertThat(idempotencyKeysOf(person)).as("idempotency keys").isZero();
    }
}
