package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.order.fake.FakeUserService.Person;
import com.emporium.test.http.ApiRequest;
import com.emporium.test.http.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A customer's own orders, newest first; every order for an admin, filtered. */
class OrderListsIT extends OrderServiceIT {

    @Test
    void listsOnlyTheCallersOwnOrdersNewestFirstAPageAtATime() {
        Person ada = customer();
        UUID first = placed(ada);
        UUID second = placed(ada);
        UUID third = placed(ada);
        placed(customer());

        ApiResponse page = api.get("/api/orders").bearer(ada.token()).query("size", 2).send();
        ApiResponse next = api.get("/api/orders").bearer(ada.token()).query("size", 2).query("page", 1).send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(ids(page)).containsExactly(third.toString(), second.toString());
        assertThat(page.json().get("totalItems").asLong()).isEqualTo(3);
        assertThat(page.json().get("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(next)).containsExactly(first.toString());
    }

    @Test
    void filtersTheCallersOrdersByStatus() {
        Person ada = customer();
        UUID kept = placed(ada);
        UUID cancelled = placed(ada);
        api.put("/api/orders/" + cancelled + "/cancel").bearer(ada.token()).send();

        ApiResponse pending = api.get("/api/orders").bearer(ada.token()).query("status", "pending").send();
        ApiResponse gone = api.get("/api/orders").bearer(ada.token()).query("status", "cancelled").send();

        assertThat(ids(pending)).containsExactly(kept.toString());
        assertThat(ids(gone)).containsExactly(cancelled.toString());
    }

    @Test
    void refusesAnUnknownStatusOrSortNamingTheParameter() {
        Person ada = customer();

        ApiResponse status = api.get("/api/orders").bearer(ada.token()).query("status", "lost").send();
        ApiResponse sort = api.get("/api/orders").bearer(ada.token()).query("sort", "customerId").send();

        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("errors").findValuesAsString("field")).containsExactly("status");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(sort.json().get("errors").findValuesAsString("field")).containsExactly("sort");
    }

    @Test
    void letsAnAdminFilterEveryOrderByCustomerStatusAndTimePlaced() {
        Person ada = customer();
        Person bob = customer();
        UUID adasFirst = placed(ada);
        Instant between = Instant.parse(api.get("/api/orders/" + adasFirst).bearer(ada.token()).send().json()
                .get("placedAt").asString()).plusNanos(1000);
        UUID adasSecond = placed(ada);
        UUID bobs = placed(bob);
        api.put("/api/orders/" + adasSecond + "/cancel").bearer(ada.token()).send();
        String boss = admin().token();

        ApiResponse hers = admin("/api/orders/admin/orders", boss).query("customerId", ada.id()).send();
        ApiResponse herPending = admin("/api/orders/admin/orders", boss).query("customerId", ada.id())
                .query("status", "pending").send();
        ApiResponse sinceBetween = admin("/api/orders/admin/orders", boss).query("placedFrom", between)
                .query("sort", "placedAt,asc").send();
        ApiResponse untilBetween = admin("/api/orders/admin/orders", boss).query("customerId", ada.id())
                .query("placedTo", between).send();

        assertThat(ids(hers)).containsExactly(adasSecond.toString(), adasFirst.toString());
        assertThat(ids(herPending)).containsExactly(adasFirst.toString());
        assertThat(ids(sinceBetween)).startsWith(adasSecond.toString(), bobs.toString())
                .doesNotContain(adasFirst.toString());
        assertThat(ids(untilBetween)).containsExactly(adasFirst.toString());
        assertThat(hers.json().get("items").get(0).get("customerId").asString()).isEqualTo(ada.id().toString());
    }

    @Test
    void refusesAnAdminFilterThatCannotBeRead() {
        String boss = admin().token();

        ApiResponse customer = admin("/api/orders/admin/orders", boss).query("customerId", "ada").send();
        ApiResponse time = admin("/api/orders/admin/orders", boss).query("placedFrom", "yesterday").send();
        ApiResponse range = admin("/api/orders/admin/orders", boss).query("placedFrom", "2026-01-02T00:00:00Z")
                .query("placedTo", "2026-01-01T00:00:00Z").send();

        assertThat(List.of(customer, time, range)).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(400));
        assertThat(customer.json().get("errors").findValuesAsString("field")).containsExactly("customerId");
        assertThat(time.json().get("errors").findValuesAsString("field")).containsExactly("placedFrom");
        assertThat(range.json().get("errors").findValuesAsString("field")).containsExactly("placedTo");
    }

    private ApiRequest admin(String path, String token) {
        return api.get(path).bearer(token);
    }

    private static List<String> ids(ApiResponse page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json().get("items").valueStream().map(item -> item.get("orderId").asString()).toList();
    }
}
