package com.emporium.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.emporium.test.http.ApiResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Services get tokens of their own (role service) with the OAuth2 client-credentials grant. */
class ClientCredentialsIT extends UserServiceIT {

    private ApiResponse token(String id, String secret) {
        return post("/oauth2/token").basic(id, secret).form(Map.of("grant_type", "client_credentials")).send();
    }

    @Test
    void issuesAServiceTokenForAKnownClient() {
        ApiResponse response = token("order-service", "order-service-dev-secret");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
        assertThat(response.json().get("expires_in").asLong()).isEqualTo(900);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(
                response.json().get("access_token").asString().split("\\.")[1]));
        assertThat(claims).contains("\"sub\":\"order-service\"").contains("\"roles\":[\"service\"]");
    }

    @Test
    void acceptsTheCredentialsInTheFormToo() {
        ApiResponse response = post("/oauth2/token").form(Map.of("grant_type", "client_credentials",
                "client_id", "payment-service", "client_secret", "payment-service-dev-secret")).send();

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void refusesAWrongSecretOrAnUnknownClient() {
        ApiResponse wrongSecret = token("order-service", "guess");
        ApiResponse unknown = token("evil-service", "order-service-dev-secret");

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().get("error").asString()).isEqualTo("invalid_client");
        assertThat(wrongSecret.json().get("type").asString()).isEqualTo("urn:problem:emporium:invalid-client");
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void refusesAnotherGrant() {
        ApiResponse response = post("/oauth2/token").basic("order-service", "order-service-dev-secret")
                .form(Map.of("grant_type", "password", "username", "a", "password", "b")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo("unsupported_grant_type");
    }

    @Test
    void refusesAMissingGrant() {
        ApiResponse response = post("/oauth2/token").basic("order-service", "order-service-dev-secret")
                .form(Map.of("scope", "anything")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo("invalid_request");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:problem:emporium:validation");
    }

    @Test
    void refusesASecretInTheUrl() {
        ApiResponse response = api.unchecked()
                .post("/oauth2/token?client_id=order-service&client_secret=order-service-dev-secret")
                .header("X-Forwarded-For", clientAddress)
                .form(Map.of("grant_type", "client_credentials")).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("access_token");
    }

    @Test
    void throttlesTokenRequestsFromOneAddress() {
        for (int i = 0; i < 20; i++) {
            assertThat(token("order-service", "wrong " + i).status()).isEqualTo(401);
        }

        ApiResponse throttled = token("order-service", "order-service-dev-secret");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
    }

    @Test
    void letsOnlyServiceTokensIntoInternalRoutes() {
        String service = token("inventory-service", "inventory-service-dev-secret").json().get("access_token")
                .asString();
        Accounts.Account customer = Accounts.customer(api);

        ApiResponse asCustomer = api.unchecked().get("/internal/anything").bearer(customer.accessToken()).send();
        ApiResponse asService = api.unchecked().get("/internal/anything").bearer(service).send();

        assertThat(asCustomer.status()).isEqualTo(403);
        assertThat(asService.status()).as("past security; user-service has no internal route yet").isEqualTo(404);
    }

    @Test
    void keepsServiceTokensOutOfCustomerAndAdminRoutes() {
        String service = token("order-service", "order-service-dev-secret").json().get("access_token").asString();

        ApiResponse me = get("/api/users/me").bearer(service).send();

        assertThat(me.status()).isEqualTo(403);
        assertThat(me.json().get("type").asString()).isEqualTo("urn:problem:emporium:forbidden");
        assertThat(put("/api/users/me").bearer(service).json(Map.of("displayName", "A Service")).send().status())
                .isEqualTo(403);
        assertThat(get("/api/users/admin/users").bearer(service).send().status()).isEqualTo(403);
    }
}
