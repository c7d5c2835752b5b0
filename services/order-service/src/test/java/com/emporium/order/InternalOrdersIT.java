package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.http.ApiResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /internal/orders/{id}}: the facts payment-service needs, for service tokens only. */
class InternalOrdersIT extends OrderServiceIT {

    @Test
    void aServiceReadsTheAmountOwnerStatusAndDeadlineOfAnOrder() {
        Person ada = customer();
        ApiResponse placed = place(ada, OrderRequests.of(product(), 2)).send();
        String order = placed.json().get("orderId").asString();

        ApiResponse facts = api.get("/internal/orders/" + order).bearer(USERS.serviceToken("payment-service")).send();

        assertThat(facts.status()).isEqualTo(200);
        assertThat(facts.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-store"));
        assertThat(facts.json().get("orderId").asString()).isEqualTo(order);
        assertThat(facts.json().get("customerId").asString()).isEqualTo(ada.id().toString());
        assertThat(facts.json().get("status").asString()).isEqualTo("pending");
        assertThat(facts.json().get("totalAmount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(facts.json().get("currency").asString()).isEqualTo("USD");
        assertThat(facts.json().get("paymentDueBy").asString())
                .isEqualTo(placed.json().get("paymentDueBy").asString());
    }

    @Test
    void anUnknownOrderIsNotFoundAndABadIdIsRefused() {
        String service = USERS.serviceToken("payment-service");

        assertThat(api.get("/internal/orders/" + UUID.randomUUID()).bearer(service).send().status()).isEqualTo(404);
        assertThat(api.get("/internal/orders/not-an-id").bearer(service).send().status()).isEqualTo(400);
    }

    @Test
    void customersAndAdminsCannotReadIt() {
        UUID order = placed(customer());
        String path = "/internal/orders/" + order;

        assertThat(api.get(path).send().status()).isEqualTo(401);
        assertThat(api.get(path).bearer(customer().token()).send().status()).isEqualTo(403);
        assertThat(api.get(path).bearer(admin().token()).send().status()).isEqualTo(403);
    }
}
