package com.emporium.e2e.orders;

import static com.emporium.e2e.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.e2e.Accounts;
import com.emporium.e2e.Accounts.Account;
import com.emporium.e2e.Catalog;
import com.emporium.e2e.Catalog.Product;
import com.emporium.e2e.Gateway;
import com.emporium.e2e.Orders;
import com.emporium.test.http.ApiClient;
import com.emporium.test.http.ApiResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad orders through the gateway get the contract's 4xx as problem+json, and nothing is stored or reserved;
 * fields a client may not set are ignored, as the contract says.
 */
class OrderBadInputIT {

    private final ApiClient client = Gateway.client("order-service");
    private final Account customer = Accounts.customer();

    @Test
    void refusesAnUnknownProductNamingItAndStoresNothing() {
        UUID unknown = UUID.randomUUID();

        ApiResponse answer = Orders.place(client, customer, Orders.orderOf(unknown, 1));

        JsonNode problem = assertProblem(answer, 422, "unknown-product");
        assertThat(problem.toString()).contains(unknown.toString());
        assertThat(Orders.storedFor(customer.id())).isZero();
    }

    @Test
    void refusesAZeroOrNegativeQuantityAndReservesNothing() {
        Product product = Catalog.product(4, "2.00");

        ApiResponse zero = Orders.place(client, customer, Orders.orderOf(product.id(), 0));
        ApiResponse negative = Orders.place(client, customer, Orders.orderOf(product.id(), -3));

        assertThat(assertProblem(zero, 400, "validation").toString()).contains("quantity");
        assertThat(assertProblem(negative, 400, "validation").toString()).contains("quantity");
        assertThat(Orders.storedFor(customer.id())).isZero();
        assertThat(Catalog.stock(product.id()).reserved()).isZero();
    }

    @Test
    void refusesTenThousandLinesAtTheGatewayAndMoreThanTheLimitAtTheService() {
        Product product = Catalog.product(4, "2.00");
        List<Map<String, Object>> tenThousand = IntStream.range(0, 10_000)
                .mapToObj(i -> Map.<String, Object>of("productId", UUID.randomUUID(), "quantity", 1)).toList();
        List<Map<String, Object>> hundredAndOne = IntStream.range(0, 101)
                .mapToObj(i -> Map.<String, Object>of("productId", i == 0 ? product.id() : UUID.randomUUID(),
                        "quantity", 1))
                .toList();

        ApiResponse huge = Gateway.client().post("/api/orders").bearer(customer.accessToken())
                .json(Map.of("items", tenThousand, "shippingAddress", Orders.shippingAddress())).send();
        ApiResponse tooMany = Orders.place(client, customer,
                Map.of("items", hundredAndOne, "shippingAddress", Orders.shippingAddress()));

        // 10,000 lines are about half a megabyte: the gateway's body limit refuses them before any service
        assertProblem(huge, 413, "payload-too-large");
        assertThat(assertProblem(tooMany, 400, "validation").toString()).contains("items");
        assertThat(Orders.storedFor(customer.id())).isZero();
        assertThat(Catalog.stock(product.id()).reserved()).isZero();
    }

    @Test
    void refusesABodyThatIsNotJson() {
        ApiResponse answer = client.post("/api/orders").bearer(customer.accessToken())
                .body("application/json", "{\"items\": [ this is not json").send();

        assertProblem(answer, 400, "malformed-body");
        assertThat(Orders.storedFor(customer.id())).isZero();
    }

    @Test
    void takesTheOwnerFromTheTokenAndThePricesFromInventoryWhateverTheBodySays() {
        Product product = Catalog.product(4, "7.25");
        Account someoneElse = Accounts.customer();

        ApiResponse answer = Orders.place(client, customer, Map.of(
                "userId", someoneElse.id(),
                "customerId", someoneElse.id(),
                "totalAmount", 0.01,
                "items", List.of(Map.of("productId", product.id(), "quantity", 2, "unitPrice", 0.01)),
                "shippingAddress", Orders.shippingAddress()));

        assertThat(answer.status()).as("%s", answer).isEqualTo(201);
        assertThat(answer.json().get("customerId").asString()).isEqualTo(customer.id().toString());
        assertThat(answer.json().get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("7.25");
        assertThat(answer.json().get("totalAmount").decimalValue()).isEqualByComparingTo("14.50");
        assertThat(Orders.storedFor(someoneElse.id())).isZero();
    }

    @Test
    void refusesMoreThanIsAvailableNamingTheLineAndReservesNothing() {
        Product plenty = Catalog.product(10, "1.00");
        Product scarce = Catalog.product(1, "1.00");

        ApiResponse answer = Orders.place(client, customer, Map.of("items", List.of(
                Map.of("productId", plenty.id(), "quantity", 3),
                Map.of("productId", scarce.id(), "quantity", 2)), "shippingAddress", Orders.shippingAddress()));

        JsonNode problem = assertProblem(answer, 422, "insufficient-stock");
        assertThat(problem.toString()).contains(scarce.id().toString()).doesNotContain(plenty.id().toString());
        assertThat(Catalog.stock(plenty.id()).reserved()).isZero();
        assertThat(Catalog.stock(scarce.id()).reserved()).isZero();
        assertThat(Orders.storedFor(customer.id())).isZero();
    }
}
