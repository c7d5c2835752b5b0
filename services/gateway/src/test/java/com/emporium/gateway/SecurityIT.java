package com.emporium.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.emporium.test.http.ApiResponse;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.PlainJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SecurityIT extends GatewayTestBase {

    @Test
    void refusesACallWithoutTokenWith401Problem() {
        ApiResponse response = gateway().get("/api/users/me").send();

        assertUnauthorized(response);
        assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void refusesATamperedToken() {
        String[] parts = TOKENS.customer().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"customer\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64URL.encode(payload) + "." + parts[2];

        assertUnauthorized(gateway().get("/api/users/admin/users").bearer(tampered).send());
    }

    @Test
    void refusesAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        String expired = TOKENS.token(UUID.randomUUID().toString(), List.of("customer"),
                claims -> claims.issueTime(Date.from(past.minusSeconds(900))).expirationTime(Date.from(past)));

        assertUnauthorized(gateway().get("/api/users/me").bearer(expired).send());
    }

    @Test
    void refusesATokenForAnotherAudienceOrFromAnotherIssuer() {
        String foreignAudience = TOKENS.token(UUID.randomUUID().toString(), List.of("customer"),
                claims -> claims.audience("another-platform"));
        String foreignIssuer = TOKENS.token(UUID.randomUUID().toString(), List.of("customer"),
                claims -> claims.issuer("someone-else"));

        assertUnauthorized(gateway().get("/api/users/me").bearer(foreignAudience).send());
        assertUnauthorized(gateway().get("/api/users/me").bearer(foreignIssuer).send());
    }

    @Test
    void refusesAnUnsignedAlgNoneToken() {
        String none = new PlainJWT(Tokens.claims(UUID.randomUUID().toString(), List.of("admin")).build()).serialize();

        assertUnauthorized(gateway().get("/api/users/me").bearer(none).send());
    }

    @Test
    void refusesATokenSignedByAKeyTheJwksNeverHeld() {
        assertUnauthorized(gateway().get("/api/users/me").bearer(TOKENS.signedByStranger()).send());
    }

    @Test
    void refusesACustomerOnAnAdminRouteWith403Problem() {
        ApiResponse response = gateway().get("/api/users/admin/users").bearer(TOKENS.customer()).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:forbidden");
    }

    @Test
    void letsAnAdminOnAnAdminRoute() {
        assertThat(gateway().get("/api/orders/admin/orders").bearer(TOKENS.admin()).send().status()).isEqualTo(200);
    }

    @Test
    void refusesAServiceTokenOnThePublicApi() {
        String service = TOKENS.token("order-service", List.of("service"), claims -> claims);

        assertThat(gateway().get("/api/users/me").bearer(service).send().status()).isEqualTo(403);
    }

    @Test
    void letsPublicRoutesThroughWithoutTokenAndIgnoresABadOne() {
        String client = newClientAddress();

        assertThat(gateway().post("/api/auth/login").header("X-Forwarded-For", client)
                .json(Map.of("email", "a@example.com")).send().status()).isEqualTo(200);
        assertThat(gateway().post("/api/auth/refresh").header("X-Forwarded-For", client)
                .bearer("not-a-token").send().status()).isEqualTo(200);
        assertThat(gateway().get("/api/inventory/products/p-1").header("X-Forwarded-For", client).send().status())
                .isEqualTo(200);
    }

    @Test
    void fetchesTheJwksAgainWhenATokenNamesANewKeyButNotForEveryUnknownKid() {
        UPSTREAM.publishKeys(TOKENS.rotate());
        String signedByNewKey = TOKENS.customer();

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(gateway().get("/api/users/me").bearer(signedByNewKey).send().status()).isEqualTo(200));

        int fetches = UPSTREAM.jwksFetches();
        for (int i = 0; i < 5; i++) {
            assertUnauthorized(gateway().get("/api/users/me").bearer(TOKENS.signedByStranger()).send());
        }
        assertThat(UPSTREAM.jwksFetches() - fetches).isLessThanOrEqualTo(1);
    }

    private static void assertUnauthorized(ApiResponse response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:unauthorized");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
    }

}
