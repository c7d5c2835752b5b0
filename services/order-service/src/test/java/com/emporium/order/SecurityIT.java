package com.emporium.order;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiRequest;
import com.emporium.test.http.ApiResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Every route needs a valid token: customers' and admins' on the order routes, admins' on the admin routes; a
 * service's token is refused everywhere. Ids that are not UUIDs are refused naming {@code id}.
 */
class SecurityIT extends OrderServiceIT {

    private static final String SOME_ORDER = "/api/orders/" + UUID.randomUUID();
    private static final String SOME_ADMIN_ORDER = "/api/orders/admin/orders/" + UUID.randomUUID();

    private List<ApiRequest> customerRoutes() {
        return List.of(api.post("/api/orders").json(OrderRequests.of(UUID.randomUUID(), 1)),
                api.get("/api/orders"), api.get(SOME_ORDER), api.put(SOME_ORDER + "/cancel"));
    }

    private List<ApiRequest> adminRoutes() {
        return List.of(api.get("/api/orders/admin/orders"), api.put(SOME_ADMIN_ORDER + "/ship"),
                api.put(SOME_ADMIN_ORDER + "/deliver"));
    }

    @Test
    void answersEveryRouteWith401WithoutAValidToken() {
        String forged = USERS.customer().token();
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

        for (Function<ApiRequest, ApiRequest> token : List.<Function<ApiRequest, ApiRequest>>of(
                request -> request, request -> request.bearer(tampered))) {
            List<ApiRequest> routes = new java.util.ArrayList<>(customerRoutes());
            routes.addAll(adminRoutes());
            for (ApiRequest route : routes) {
                ApiResponse response = token.apply(route).send();

                assertThat(response.status()).as(response.toString()).isEqualTo(401);
                assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:unauthorized");
                assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(
                        challenge -> assertThat(challenge).startsWith("Bearer"));
            }
        }
    }

    @Test
    void refusesAServiceTokenOnEveryRoute() {
        String service = USERS.serviceToken("payment-service");
        List<ApiRequest> routes = new java.util.ArrayList<>(customerRoutes());
        routes.addAll(adminRoutes());

        for (ApiRequest route : routes) {
            ApiResponse response = route.bearer(service).send();

            assertThat(response.status()).as(response.toString()).isEqualTo(403);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:forbidden");
        }
    }

    @Test
    void keepsCustomersOutOfTheAdminRoutes() {
        String customer = customer().token();

        for (ApiRequest route : adminRoutes()) {
            ApiResponse response = route.bearer(customer).send();

            assertThat(response.status()).as(response.toString()).isEqualTo(403);
        }
    }

    @Test
    void refusesAnOrderIdThatIsNotAUuidNamingIt() {
        String admin = admin().token();

        List<ApiResponse> answers = List.of(api.get("/api/orders/not-an-id").bearer(admin).send(),
                api.put("/api/orders/not-an-id/cancel").bearer(admin).send(),
                api.put("/api/orders/admin/orders/not-an-id/ship").bearer(admin).send(),
                api.put("/api/orders/admin/orders/not-an-id/deliver").bearer(admin).send());

        assertThat(answers).allSatisfy(response -> {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:validation");
            assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("id");
        });
    }

    @Test
    void answersAnUnknownPathWith404AndAWrongMethodWith405AsProblems() {
        String customer = customer().token();

        ApiResponse unknown = api.unchecked().get("/api/orders/" + UUID.randomUUID() + "/history").bearer(customer)
                .send();
        ApiResponse wrongMethod = api.unchecked().request("DELETE", SOME_ORDER).bearer(customer).send();

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asString()).isEqualTo("urn:problem:emporium:not-found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("type").asString()).isEqualTo("urn:problem:emporium:method-not-allowed");
    }
}
