package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.order.orders.IllegalTransition;
import com.emporium.order.orders.OrderId;
import com.emporium.order.orders.OrderLifecycle;
import com.emporium.test.http.ApiResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The status machine through the API: a customer reads and cancels only their own orders; admins ship and deliver;
 * every step the machine does not have answers 409 naming it. Payment (issue 7) confirms through
 * {@link OrderLifecycle#confirm}, called here directly.
 */
class OrderLifecycleIT extends OrderServiceIT {

    @Autowired
    OrderLifecycle lifecycle;

    @Test
    void showsACustomerTheirOrderNeverCachedAndAnotherCustomersAsNotFound() {
        Person ada = customer();
        Person bob = customer();
        UUID order = placed(ada);

        ApiResponse hers = api.get("/api/orders/" + order).bearer(ada.token()).send();
        ApiResponse his = api.get("/api/orders/" + order).bearer(bob.token()).send();
        ApiResponse nobodys = api.get("/api/orders/" + UUID.randomUUID()).bearer(ada.token()).send();

        assertThat(hers.status()).isEqualTo(200);
        assertThat(hers.header("Cache-Control")).hasValue("no-store");
        assertThat(his.status()).isEqualTo(404);
        assertThat(his.json().get("type").asString()).isEqualTo("urn:problem:emporium:not-found");
        assertThat(his.body()).doesNotContain(ada.id().toString());
        assertThat(nobodys.status()).isEqualTo(404);
        assertThat(his.json().get("title")).isEqualTo(nobodys.json().get("title"));
    }

    @Test
    void letsAnAdminReadAnyOrder() {
        UUID order = placed(customer());

        ApiResponse response = api.get("/api/orders/" + order).bearer(admin().token()).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void cancelsAPendingOrderForItsCustomer() {
        Person ada = customer();
        UUID order = placed(ada);

        ApiResponse response = api.put("/api/orders/" + order + "/cancel").bearer(ada.token()).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(response.json().get("cancellationReason").asString()).isEqualTo("customer");
        assertThat(response.json().get("cancelledAt").asString()).isEqualTo(response.json().get("updatedAt").asString());
        assertThat(statusOf(order)).isEqualTo("cancelled");
    }

    @Test
    void cancelsAConfirmedOrder() {
        Person ada = customer();
        UUID order = placed(ada);
        lifecycle.confirm(new OrderId(order), UUID.randomUUID());

        ApiResponse response = api.put("/api/orders/" + order + "/cancel").bearer(ada.token()).send();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("cancelled");
    }

    @Test
    void recordsAnAdminsCancellationOfAnotherCustomersOrderAsTheAdmins() {
        UUID order = placed(customer());

        ApiResponse response = api.put("/api/orders/" + order + "/cancel").bearer(admin().token()).send();

        assertThat(response.json().get("cancellationReason").asString()).isEqualTo("admin");
    }

    @Test
    void neitherCancelsNorRevealsAnotherCustomersOrder() {
        Person ada = customer();
        UUID order = placed(ada);

        ApiResponse response = api.put("/api/orders/" + order + "/cancel").bearer(customer().token()).send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(statusOf(order)).isEqualTo("pending");
        assertThat(api.put("/api/orders/" + UUID.randomUUID() + "/cancel").bearer(ada.token()).send().status())
                .isEqualTo(404);
    }

    @Test
    void refusesToCancelACancelledOrderNamingTheSteps() {
        Person ada = customer();
        UUID order = placed(ada);
        api.put("/api/orders/" + order + "/cancel").bearer(ada.token()).send();

        ApiResponse again = api.put("/api/orders/" + order + "/cancel").bearer(ada.token()).send();

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:problem:emporium:illegal-transition");
        assertThat(again.json().get("from").asString()).isEqualTo("cancelled");
        assertThat(again.json().get("to").asString()).isEqualTo("cancelled");
    }

    @Test
    void shipsAConfirmedOrderThenDeliversIt() {
        Person ada = customer();
        UUID order = placed(ada);
        lifecycle.confirm(new OrderId(order), UUID.randomUUID());
        String boss = admin().token();

        ApiResponse shipped = api.put("/api/orders/admin/orders/" + order + "/ship").bearer(boss).send();
        ApiResponse delivered = api.put("/api/orders/admin/orders/" + order + "/deliver").bearer(boss).send();

        assertThat(shipped.status()).isEqualTo(200);
        assertThat(shipped.json().get("status").asString()).isEqualTo("shipped");
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(delivered.json().get("status").asString()).isEqualTo("delivered");
        ApiResponse cancel = api.put("/api/orders/" + order + "/cancel").bearer(ada.token()).send();
        assertThat(cancel.status()).as("a delivered order stays delivered").isEqualTo(409);
        assertThat(cancel.json().get("from").asString()).isEqualTo("delivered");
    }

    @Test
    void refusesToShipAnUnpaidOrderOrDeliverAnUnshippedOne() {
        UUID pending = placed(customer());
        UUID confirmed = placed(customer());
        lifecycle.confirm(new OrderId(confirmed), UUID.randomUUID());
        String boss = admin().token();

        ApiResponse ship = api.put("/api/orders/admin/orders/" + pending + "/ship").bearer(boss).send();
        ApiResponse deliver = api.put("/api/orders/admin/orders/" + confirmed + "/deliver").bearer(boss).send();

        assertThat(ship.status()).isEqualTo(409);
        assertThat(ship.json().get("from").asString()).isEqualTo("pending");
        assertThat(ship.json().get("to").asString()).isEqualTo("shipped");
        assertThat(deliver.status()).isEqualTo(409);
        assertThat(deliver.json().get("from").asString()).isEqualTo("confirmed");
        assertThat(statusOf(pending)).isEqualTo("pending");
        assertThat(statusOf(confirmed)).isEqualTo("confirmed");
    }

    @Test
    void answers404ForShippingOrDeliveringAnUnknownOrder() {
        String boss = admin().token();

        List<ApiResponse> answers = List.of(
                api.put("/api/orders/admin/orders/" + UUID.randomUUID() + "/ship").bearer(boss).send(),
                api.put("/api/orders/admin/orders/" + UUID.randomUUID() + "/deliver").bearer(boss).send());

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(404));
    }

    @Test
    void confirmsOnlyAPendingOrder() {
        UUID order = placed(customer());
        lifecycle.confirm(new OrderId(order), UUID.randomUUID());

        assertThatExceptionOfType(IllegalTransition.class).isThrownBy(() -> lifecycle.confirm(new OrderId(order), UUID.randomUUID()));
        assertThat(statusOf(order)).isEqualTo("confirmed");
    }

    @Test
    void writesAnEventWithEveryTransition() {
        Person ada = customer();
        UUID order = placed(ada);
        lifecycle.confirm(new OrderId(order), UUID.randomUUID());
        api.put("/api/orders/admin/orders/" + order + "/ship").bearer(admin().token()).send();

        List<String> events = jdbc.queryForList(
                "SELECT event_type FROM event_outbox WHERE aggregate_id = ? ORDER BY position", String.class,
                order.toString());

        assertThat(events).containsExactly("OrderPlaced", "OrderConfirmed", "OrderShipped");
    }
}
