package com.emporium.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The internal reservation API, as order-service calls it with its service token. */
class ReservationIT extends InventoryServiceIT {

    @Test
    void reservesEveryLineAtTheCatalogsPricesAndHoldsItForThirtyMinutes() {
        Catalog.Created mug = Catalog.create(api, Catalog.with(Catalog.with(Catalog.newProduct(), "price", 9.99),
                "onHand", 10));
        Catalog.Created pan = Catalog.create(api, Catalog.with(Catalog.with(Catalog.newProduct(), "price", 24.50),
                "onHand", 4));
        UUID orderId = UUID.randomUUID();
        Instant before = Instant.now();

        ApiResponse response = Reservations.reserve(api, orderId, ordered(mug.id(), 2, pan.id(), 1));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).contains(Reservations.PATH + "/" + orderId);
        JsonNode reservation = response.json();
        assertThat(reservation.get("orderId").asString()).isEqualTo(orderId.toString());
        assertThat(reservation.get("status").asString()).isEqualTo("held");
        assertThat(Instant.parse(reservation.get("expiresAt").asString()))
                .isBetween(before.plus(Duration.ofMinutes(30)), Instant.now().plus(Duration.ofMinutes(30)));
        assertThat(reservation.get("totalAmount").decimalValue()).isEqualByComparingTo("44.48");
        assertThat(reservation.get("currency").asString()).isEqualTo("USD");
        assertThat(reservation.get("lines").valueStream().toList()).hasSize(2).anySatisfy(line -> {
            assertThat(line.get("productId").asString()).isEqualTo(mug.id().toString());
            assertThat(line.get("sku").asString()).isEqualTo(mug.sku());
            assertThat(line.get("quantity").asInt()).isEqualTo(2);
            assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("9.99");
        });
        assertThat(stock(mug.id())).isEqualTo(new StockRow(10, 2, 8));
        assertThat(stock(pan.id())).isEqualTo(new StockRow(4, 1, 3));
    }

    @Test
    void theSameOrderAgainGetsItsReservationBackAndReservesNothingMore() {
        UUID product = Catalog.withStock(api, 10);
        UUID orderId = UUID.randomUUID();
        ApiResponse first = Reservations.reserve(api, orderId, product, 3);

        ApiResponse again = Reservations.reserve(api, orderId, product, 3);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(stock(product).reserved()).isEqualTo(3);
    }

    @Test
    void theSameOrderAgainWithOtherLinesIsRefusedAndChangesNothing() {
        UUID product = Catalog.withStock(api, 10);
        UUID other = Catalog.withStock(api, 10);
        UUID orderId = UUID.randomUUID();
        Reservations.reserve(api, orderId, product, 3);

        ApiResponse moreOfIt = Reservations.reserve(api, orderId, product, 4);
        ApiResponse another = Reservations.reserve(api, orderId, ordered(product, 3, other, 1));

        assertThat(moreOfIt.status()).isEqualTo(409);
        assertThat(moreOfIt.json().get("type").asString()).isEqualTo("urn:problem:emporium:reservation-mismatch");
        assertThat(another.status()).isEqualTo(409);
        assertThat(stock(product).reserved()).isEqualTo(3);
        assertThat(stock(other).reserved()).isZero();
    }

    @Test
    void concurrentRequestsForOneOrderReserveItOnce() throws Exception {
        UUID product = Catalog.withStock(api, 100);
        UUID orderId = UUID.randomUUID();
        List<Callable<ApiResponse>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(() -> Reservations.reserve(api, orderId, product, 7));
        }

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<ApiResponse> response : threads.invokeAll(requests)) {
                statuses.add(response.get().status());
            }
        }

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(stock(product)).isEqualTo(new StockRow(100, 7, 93));
    }

    @Test
    void insufficientStockNamesEveryShortLineAndReservesNothing() {
        UUID plenty = Catalog.withStock(api, 5);
        UUID scarce = Catalog.withStock(api, 2);
        UUID none = Catalog.withStock(api, 0);
        UUID orderId = UUID.randomUUID();

        ApiResponse response = Reservations.reserve(api, orderId, ordered(plenty, 3, scarce, 4, none, 1));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:insufficient-stock");
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        response.json().get("lines").forEach(line -> lines.put(line.get("productId").asString(),
                List.of(line.get("requested").asInt(), line.get("available").asInt())));
        assertThat(lines).containsOnly(Map.entry(scarce.toString(), List.of(4, 2)),
                Map.entry(none.toString(), List.of(1, 0)));
        assertThat(stock(plenty).reserved()).as("all or nothing").isZero();
        assertThat(api.get(Reservations.PATH + "/" + orderId).bearer(TOKENS.service()).send().status())
                .isEqualTo(404);
        assertThat(Reservations.reserve(api, orderId, ordered(plenty, 3, scarce, 2)).status())
                .as("a refused order may try again").isEqualTo(201);
    }

    @Test
    void unknownProductsAreNamedAndNothingIsReserved() {
        UUID known = Catalog.withStock(api, 5);
        UUID unknown = UUID.randomUUID();

        ApiResponse response = Reservations.reserve(api, UUID.randomUUID(), ordered(known, 1, unknown, 1));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:unknown-product");
        assertThat(response.json().get("productIds").valueStream().map(JsonNode::asString))
                .containsExactly(unknown.toString());
        assertThat(stock(known).reserved()).isZero();
    }

    @Test
    void refusesAnInvalidRequestNamingTheFieldAndReservesNothing() {
        UUID product = Catalog.withStock(api, 5);
        UUID orderId = UUID.randomUUID();
        Map<String, Map<String, Object>> bad = new LinkedHashMap<>();
        bad.put("lines[0].quantity", Reservations.request(orderId, Map.of(product, 0)));
        bad.put("lines[0].quantity ", Reservations.request(orderId, Map.of(product, -2)));
        bad.put("lines[0].quantity  ", Reservations.request(orderId, Map.of(product, 1001)));
        bad.put("lines", Map.of("orderId", orderId, "lines", List.of()));
        bad.put("lines ", Map.of("orderId", orderId, "lines", List.of(
                Map.of("productId", product, "quantity", 1), Map.of("productId", product, "quantity", 2))));
        bad.put("orderId", Map.of("lines", List.of(Map.of("productId", product, "quantity", 1))));
        bad.put("lines[0].productId", Map.of("orderId", orderId, "lines", List.of(Map.of("quantity", 1))));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("productId", UUID.randomUUID(), "quantity", 1));
        }
        bad.put("lines  ", Map.of("orderId", orderId, "lines", tooMany));

        bad.forEach((field, body) -> {
            ApiResponse response = api.post(Reservations.PATH).bearer(TOKENS.service()).json(body).send();
            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(AdminProductIT.fields(response)).as(field).contains(field.strip());
        });
        ApiResponse notJson = api.post(Reservations.PATH).bearer(TOKENS.service()).body("application/json", "lines")
                .send();
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().get("type").asString()).isEqualTo("urn:problem:emporium:malformed-body");
        assertThat(stock(product).reserved()).isZero();
    }

    @Test
    void refusesAFractionalQuantityRatherThanRoundingIt() {
        UUID product = Catalog.withStock(api, 5);

        ApiResponse response = api.post(Reservations.PATH).bearer(TOKENS.service()).json(Map.of("orderId",
                UUID.randomUUID(), "lines", List.of(Map.of("productId", product, "quantity", 1.5)))).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("lines[0].quantity");
        assertThat(stock(product).reserved()).isZero();
    }

    @Test
    void pricesComeFromTheCatalogWhateverPriceTheRequestCarries() {
        UUID product = Catalog.create(api, Catalog.with(Catalog.newProduct(), "price", 15.00)).id();

        ApiResponse response = api.post(Reservations.PATH).bearer(TOKENS.service()).json(Map.of("orderId",
                UUID.randomUUID(), "totalAmount", 0.01, "lines", List.of(Map.of("productId", product, "quantity", 2,
                        "unitPrice", 0.01)))).send();

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("15.00");
        assertThat(response.json().get("totalAmount").decimalValue()).isEqualByComparingTo("30.00");
    }

    @Test
    void refusesTenThousandLinesAsTooLargeBeforeReadingThem() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            lines.add(Map.of("productId", UUID.randomUUID(), "quantity", 1));
        }

        ApiResponse response = api.post(Reservations.PATH).bearer(TOKENS.service())
                .json(Map.of("orderId", UUID.randomUUID(), "lines", lines)).send();

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:payload-too-large");
    }

    @Test
    void readsAnOrdersReservation() {
        UUID product = Catalog.withStock(api, 5);
        UUID orderId = UUID.randomUUID();
        JsonNode created = Reservations.reserve(api, orderId, product, 2).json();

        ApiResponse read = api.get(Reservations.PATH + "/" + orderId).bearer(TOKENS.service()).send();

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(created);
        assertThat(api.get(Reservations.PATH + "/" + UUID.randomUUID()).bearer(TOKENS.service()).send().status())
                .isEqualTo(404);
        assertThat(api.get(Reservations.PATH + "/12").bearer(TOKENS.service()).send().status()).isEqualTo(400);
    }

    @Test
    void releasingAHeldReservationGivesItsStockBackOnceAndTheOrderKeepsItsAnswer() {
        UUID product = Catalog.withStock(api, 5);
        UUID orderId = UUID.randomUUID();
        Reservations.reserve(api, orderId, product, 4);
        String path = Reservations.PATH + "/" + orderId;

        ApiResponse released = api.delete(path).bearer(TOKENS.service()).send();
        ApiResponse again = api.delete(path).bearer(TOKENS.service()).send();
        ApiResponse reserveAgain = Reservations.reserve(api, orderId, product, 4);

        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("status").asString()).isEqualTo("released");
        assertThat(again.status()).isEqualTo(200);
        assertThat(stock(product)).isEqualTo(new StockRow(5, 0, 5));
        assertThat(reserveAgain.status()).as("idempotent by order, whatever its status").isEqualTo(200);
        assertThat(reserveAgain.json().get("status").asString()).isEqualTo("released");
        assertThat(stock(product).reserved()).isZero();
        assertThat(api.delete(Reservations.PATH + "/" + UUID.randomUUID()).bearer(TOKENS.service()).send().status())
                .isEqualTo(404);
        assertThat(api.delete(Reservations.PATH + "/x").bearer(TOKENS.service()).send().status()).isEqualTo(400);
    }

    private static Map<UUID, Integer> ordered(Object... pairs) {
        Map<UUID, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            lines.put((UUID) pairs[i], (Integer) pairs[i + 1]);
        }
        return lines;
    }
}
