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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

        ApiResponse response = gateway().get("/api/users/me").bearer(service).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:forbidden");
    }

    @Test
    void treatsAdminPathsAlikeWhateverTheirCase() {
        assertThat(gateway().get("/api/users/ADMIN/users").bearer(TOKENS.customer()).send().status()).isEqualTo(403);
        assertThat(gateway().get("/api/users/Admin").bearer(TOKENS.customer()).send().status()).isEqualTo(403);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/users//admin/users", "/api/users/x/../admin/users", "/api/users/%2e%2e/admin",
            "/api/users%2Fadmin/users", "/api/users/admin;x=1/users"})
    void refusesAmbiguousPathsWith400Problem(String path) {
        ApiResponse response = gateway().get(path).bearer(TOKENS.customer()).send();

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:bad-request");
    }

    @Test
    void answersInternalPathsWith404EvenWithABadToken() {
        ApiResponse response = gateway().get("/internal/orders/1").bearer("not-a-token").send();

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:not-found");
    }

    @Test
    void answers503WhenTheJwksCannotBeFetched() {
        UPSTREAM.failJwks(true);
        try {
            // a key the cached JWKS does not hold: the gateway must fetch it, and cannot
            ApiResponse response = gateway().get("/api/users/me").bearer(TOKENS.signedByStranger()).send();

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isPresent();
            assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:service-unavailable");
        } finally {
            UPSTREAM.failJwks(false);
        }
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

        // made-up key ids at once: each is refused, and together they cost at most one more fetch
        List<String> strangers = IntStream.range(0, 5).mapToObj(i -> TOKENS.signedByStranger()).toList();
        int fetches = UPSTREAM.jwksFetches();
        List<ApiResponse> refused;
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            refused = strangers.stream()
                    .map(token -> pool.submit(() -> gateway().get("/api/users/me").bearer(token).send()))
                    .toList().stream().map(SecurityIT::join).toList();
        }
        refused.forEach(SecurityIT::assertUnauthorized);
        assertThat(UPSTREAM.jwksFetches() - fetches).isLessThanOrEqualTo(1);
    }

    private static ApiResponse join(Future<ApiResponse> call) {
        try {
            return call.get();
        } catch (InterruptedException | ExecutionException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void assertUnauthorized(ApiResponse response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.json().path("type").asString()).isEqualTo("urn:problem:emporium:unauthorized");
        assertThat(response.json().path("status").asInt()).isEqualTo(401);
    }

}
